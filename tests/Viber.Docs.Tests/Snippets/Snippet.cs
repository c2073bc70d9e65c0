namespace Viber.Docs.Tests.Snippets;

/// <summary>A named piece of compiled code shown in the docs: its regions' lines, joined and dedented.</summary>
/// <param name="Name">The region name, as the markdown's <c>&lt;!-- snippet: NAME --&gt;</c> gives it.</param>
/// <param name="Source">The file holding the regions, relative to the repository root.</param>
/// <param name="Text">The code, lines separated by <c>\n</c>, without leading or trailing blank lines.</param>
internal sealed record Snippet(string Name, string Source, string Text);
