namespace Viber.Docs.Tests.Snippets;

/// <summary>A fenced C# block of a markdown file.</summary>
/// <param name="File">The markdown file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="SnippetName">The name from <c>&lt;!-- snippet: NAME --&gt;</c> on the line before the fence (blank lines may come between), if any.</param>
/// <param name="Text">The code between the fences, lines separated by <c>\n</c>, the fence's indentation removed.</param>
/// <param name="FirstContentLine">The 0-based index of the first line inside the fences.</param>
/// <param name="ContentLineCount">The number of lines inside the fences.</param>
/// <param name="Indent">The indentation of the opening fence (a block inside a list item).</param>
internal sealed record MarkdownCodeBlock(string File, int Line, string? SnippetName, string Text, int FirstContentLine, int ContentLineCount, string Indent);
