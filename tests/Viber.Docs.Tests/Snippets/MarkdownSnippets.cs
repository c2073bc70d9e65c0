using System.Text.RegularExpressions;

namespace Viber.Docs.Tests.Snippets;

/// <summary>Finds the C# blocks of markdown text, compares them with their snippets, and rewrites them from the snippets.</summary>
internal static partial class MarkdownSnippets
{
    private static readonly HashSet<string> CSharpLanguages = new(StringComparer.OrdinalIgnoreCase) { "csharp", "cs", "c#" };

    /// <summary>The C# blocks of one markdown file.</summary>
    public static IReadOnlyList<MarkdownCodeBlock> FindCSharpBlocks(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<MarkdownCodeBlock>();
        for (var index = 0; index < lines.Length; index++)
        {
            var open = Fence().Match(lines[index]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value;
            var fence = open.Groups["fence"].Value;
            var close = index + 1;
            while (close < lines.Length && !IsClosingFence(lines[close], indent, fence))
            {
                close++;
            }

            if (CSharpLanguages.Contains(open.Groups["lang"].Value))
            {
                var content = lines[(index + 1)..Math.Min(close, lines.Length)]
                    .Select(line => line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart());
                blocks.Add(new MarkdownCodeBlock(file, index + 1, MarkerAbove(lines, index), string.Join('\n', content), index + 1, close - index - 1, indent));
            }

            index = close;
        }

        return blocks;
    }

    /// <summary>What is wrong with the blocks: no marker, an unknown snippet, or code that differs from the snippet.</summary>
    public static IEnumerable<string> Compare(IEnumerable<MarkdownCodeBlock> blocks, IReadOnlyDictionary<string, Snippet> snippets)
    {
        foreach (var block in blocks)
        {
            if (block.SnippetName is null)
            {
                yield return $"{block.File}:{block.Line}: a C# block without '<!-- snippet: NAME -->' above it. Put the code in a '#region NAME' under docs/Snippets (see docs/CONTRIBUTING-DOCS.md) so it is compiled.";
            }
            else if (!snippets.TryGetValue(block.SnippetName, out var snippet))
            {
                yield return $"{block.File}:{block.Line}: snippet '{block.SnippetName}' is not a '#region {block.SnippetName}' under docs/Snippets.";
            }
            else if (FirstDifference(snippet.Text, SnippetSources.TrimBlankLines(block.Text)) is { } difference)
            {
                yield return $"{block.File}:{block.Line}: the block differs from snippet '{snippet.Name}' ({snippet.Source}) at its line {difference.Line}:\n"
                    + $"  snippet:  {difference.Expected}\n  markdown: {difference.Actual}\n"
                    + "  Edit the snippet and copy it into the markdown (UPDATE_SNIPPETS=1 dotnet test --project tests/Viber.Docs.Tests does it).";
            }
        }
    }

    /// <summary>The markdown with every marked block's code replaced by its snippet's (unknown snippets left alone).</summary>
    public static string Update(string file, string markdown, IReadOnlyDictionary<string, Snippet> snippets)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n').ToList();
        foreach (var block in FindCSharpBlocks(file, markdown).Reverse())
        {
            if (block.SnippetName is not null && snippets.TryGetValue(block.SnippetName, out var snippet))
            {
                lines.RemoveRange(block.FirstContentLine, block.ContentLineCount);
                lines.InsertRange(block.FirstContentLine, snippet.Text.Split('\n').Select(line => line.Length == 0 ? line : block.Indent + line));
            }
        }

        return string.Join('\n', lines);
    }

    private static (int Line, string Expected, string Actual)? FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var index = 0; index < Math.Max(expectedLines.Length, actualLines.Length); index++)
        {
            var want = index < expectedLines.Length ? expectedLines[index] : "(end of snippet)";
            var got = index < actualLines.Length ? actualLines[index].TrimEnd() : "(end of block)";
            if (!string.Equals(want, got, StringComparison.Ordinal))
            {
                return (index + 1, want, got);
            }
        }

        return null;
    }

    private static bool IsClosingFence(string line, string indent, string fence)
    {
        var trimmed = line.Trim();
        return line.StartsWith(indent, StringComparison.Ordinal)
            && trimmed.Length >= fence.Length
            && trimmed.All(c => c == '`');
    }

    private static string? MarkerAbove(string[] lines, int fenceIndex)
    {
        for (var index = fenceIndex - 1; index >= 0; index--)
        {
            if (lines[index].Trim().Length == 0)
            {
                continue;
            }

            return Marker().Match(lines[index]) is { Success: true } marker ? marker.Groups["name"].Value : null;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<indent>\s*)(?<fence>```+)(?<lang>[^\s`]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<name>[a-z0-9][a-z0-9-]*)\s*-->\s*$")]
    private static partial Regex Marker();
}
