using System.Text.RegularExpressions;
using Viber.Proxy.Tests.Support;

namespace Viber.Proxy.Tests;

/// <summary>The README's proxy snippets are the files the proxy tests run (docs/proxy), character for character.</summary>
public sealed partial class ReadmeProxySnippetTests
{
    [Theory]
    [InlineData("nginx", ProxySnippet.NginxFile)]
    [InlineData("caddyfile", ProxySnippet.CaddyFile)]
    public void The_README_shows_the_tested_snippet(string language, string file)
    {
        var readme = ProxySnippet.Read("README.md").ReplaceLineEndings("\n");
        var expected = ProxySnippet.Read(file).ReplaceLineEndings("\n");

        var blocks = CodeBlock().Matches(readme)
            .Where(match => match.Groups["language"].Value == language)
            .Select(match => match.Groups["body"].Value)
            .ToList();

        Assert.True(blocks.Count > 0, $"README.md has no ```{language} block; it must show docs/proxy/{file}");
        Assert.Contains(expected, blocks);
    }

    [GeneratedRegex(@"^```(?<language>[a-z]+)\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
