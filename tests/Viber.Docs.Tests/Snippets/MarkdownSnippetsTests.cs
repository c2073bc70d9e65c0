namespace Viber.Docs.Tests.Snippets;

/// <summary>The snippet check on small inputs: it joins and dedents regions and reports each kind of drift.</summary>
public sealed class MarkdownSnippetsTests
{
    private const string Source = """
        #region demo
        using System.Text;

        #endregion
        namespace Demo;

        static class Holder
        {
            static void Run()
            {
                #region demo
                var text = new StringBuilder();
                    text.Append('x');   // indented further: kept
                #endregion
            }
        }
        """;

    private static IReadOnlyDictionary<string, Snippet> Snippets()
    {
        var (snippets, problems) = SnippetSources.Parse([("Demo.cs", Source)]);
        Assert.Empty(problems);
        return snippets;
    }

    [Fact]
    public void Parts_of_one_region_name_are_joined_in_order_and_each_dedented()
    {
        Assert.Equal("using System.Text;\n\nvar text = new StringBuilder();\n    text.Append('x');   // indented further: kept", Snippets()["demo"].Text);
    }

    [Fact]
    public void A_matching_block_passes_and_a_changed_line_is_reported_with_both_versions()
    {
        const string matching = "Intro\n\n<!-- snippet: demo -->\n```csharp\nusing System.Text;\n\nvar text = new StringBuilder();\n    text.Append('x');   // indented further: kept\n```\n";
        var changed = matching.Replace("new StringBuilder()", "new StringBuilder(16)", StringComparison.Ordinal);

        Assert.Empty(MarkdownSnippets.Compare(MarkdownSnippets.FindCSharpBlocks("a.md", matching), Snippets()));
        var problem = Assert.Single(MarkdownSnippets.Compare(MarkdownSnippets.FindCSharpBlocks("a.md", changed), Snippets()));
        Assert.Contains("a.md:4", problem, StringComparison.Ordinal);
        Assert.Contains("new StringBuilder(16)", problem, StringComparison.Ordinal);
        Assert.Contains("line 3", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_without_a_marker_or_with_an_unknown_name_is_reported()
    {
        const string markdown = "```csharp\nvar x = 1;\n```\n\n<!-- snippet: missing -->\n```cs\nvar y = 2;\n```\n\n```bash\nnot checked\n```\n";

        var problems = MarkdownSnippets.Compare(MarkdownSnippets.FindCSharpBlocks("b.md", markdown), Snippets()).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains("b.md:1: a C# block without", problems[0], StringComparison.Ordinal);
        Assert.Contains("snippet 'missing' is not", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Update_rewrites_a_marked_block_from_its_snippet_keeping_a_list_items_indentation()
    {
        const string markdown = "- item\n\n  <!-- snippet: demo -->\n  ```csharp\n  old\n  ```\nafter\n";

        var updated = MarkdownSnippets.Update("c.md", markdown, Snippets());

        Assert.Equal("- item\n\n  <!-- snippet: demo -->\n  ```csharp\n  using System.Text;\n\n  var text = new StringBuilder();\n      text.Append('x');   // indented further: kept\n  ```\nafter\n", updated);
        Assert.Empty(MarkdownSnippets.Compare(MarkdownSnippets.FindCSharpBlocks("c.md", updated), Snippets()));
    }

    [Fact]
    public void Unclosed_nested_and_duplicated_regions_are_reported()
    {
        var (_, problems) = SnippetSources.Parse([
            ("One.cs", "#region a\n#region b\n#endregion\n#region c\n"),
            ("Two.cs", "#region a\nx\n#endregion\n#region Bad_Name\n"),
        ]);

        Assert.Contains(problems, p => p.StartsWith("One.cs:2: #region b inside #region a", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("One.cs:4: #region c has no #endregion", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Two.cs: snippet 'a' is also in One.cs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Two.cs:4: '#region Bad_Name' is not", StringComparison.Ordinal));
    }
}
