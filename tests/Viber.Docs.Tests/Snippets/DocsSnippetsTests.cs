namespace Viber.Docs.Tests.Snippets;

/// <summary>
/// Docs that cannot drift: every C# block of README.md and docs/**/*.md is a region of docs/Snippets, which the build
/// compiles. With UPDATE_SNIPPETS=1 the blocks are first rewritten from their regions (the check then passes unless a
/// block has no marker or names no region).
/// </summary>
public sealed class DocsSnippetsTests
{
    private static readonly string SnippetsDirectory = Path.Combine(RepositoryRoot.Path, "docs", "Snippets");

    [Fact]
    public void Snippet_regions_are_well_formed()
    {
        var (_, problems) = SnippetSources.ReadDirectory(SnippetsDirectory, RepositoryRoot.Path);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_csharp_block_in_the_docs_is_its_compiled_snippet()
    {
        var (snippets, _) = SnippetSources.ReadDirectory(SnippetsDirectory, RepositoryRoot.Path);
        var problems = new List<string>();
        foreach (var file in MarkdownFiles())
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/');
            var markdown = File.ReadAllText(file);
            if (Environment.GetEnvironmentVariable("UPDATE_SNIPPETS") == "1")
            {
                var updated = MarkdownSnippets.Update(relative, markdown, snippets);
                if (!string.Equals(updated, markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal))
                {
                    File.WriteAllText(file, updated);
                    markdown = updated;
                }
            }

            problems.AddRange(MarkdownSnippets.Compare(MarkdownSnippets.FindCSharpBlocks(relative, markdown), snippets));
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void Every_snippet_is_shown_in_the_docs()
    {
        var (snippets, _) = SnippetSources.ReadDirectory(SnippetsDirectory, RepositoryRoot.Path);
        var shown = MarkdownFiles()
            .SelectMany(file => MarkdownSnippets.FindCSharpBlocks(file, File.ReadAllText(file)))
            .Select(block => block.SnippetName)
            .ToHashSet(StringComparer.Ordinal);

        var unused = snippets.Values.Where(snippet => !shown.Contains(snippet.Name)).Select(snippet => $"{snippet.Name} ({snippet.Source})").ToList();

        Assert.True(unused.Count == 0, "Snippets no markdown block shows (remove them, or add '<!-- snippet: NAME -->' and a C# block): " + string.Join(", ", unused));
    }

    [Fact]
    public void The_readme_has_csharp_blocks_to_check()
    {
        // Guards the finder itself: a fence syntax it misses would make the check above pass on nothing.
        var blocks = MarkdownSnippets.FindCSharpBlocks("README.md", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")));

        Assert.Contains(blocks, block => block.SnippetName == "quick-start");
        Assert.True(blocks.Count >= 10, $"README.md has {blocks.Count} C# blocks.");
    }

    private static IEnumerable<string> MarkdownFiles()
    {
        yield return Path.Combine(RepositoryRoot.Path, "README.md");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal))
        {
            yield return file;
        }
    }
}
