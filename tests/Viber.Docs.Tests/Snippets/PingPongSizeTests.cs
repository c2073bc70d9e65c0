namespace Viber.Docs.Tests.Snippets;

/// <summary>
/// The docs promise a ping-pong bot with a two-button keyboard in under 20 lines, tested with the emulator in at most
/// 15 lines of test (docs/testing-with-the-emulator.md); both are the code CI compiles and runs, so they stay that short.
/// </summary>
public sealed class PingPongSizeTests
{
    private static readonly IReadOnlyDictionary<string, Snippet> Snippets =
        SnippetSources.ReadDirectory(Path.Combine(RepositoryRoot.Path, "docs", "Snippets"), RepositoryRoot.Path).Snippets;

    [Fact]
    public void The_ping_pong_bot_is_under_20_lines()
    {
        var lines = CodeLines(Snippets["routes-ping-pong"].Text);

        Assert.InRange(lines.Count, 1, 19);
    }

    [Fact]
    public void The_ping_pong_test_is_at_most_15_lines()
    {
        // The test method's statements: the lines indented as a method body (the usings and the class around it are
        // what every test file has).
        var body = CodeLines(Snippets["ping-pong-test"].Text).Where(line => line.StartsWith("        ", StringComparison.Ordinal)).ToList();

        Assert.InRange(body.Count, 1, 15);
    }

    private static List<string> CodeLines(string text)
        => [.. text.Split('\n').Where(line => line.Trim().Length > 0)];
}
