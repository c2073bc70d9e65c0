using System.Text.RegularExpressions;

namespace Viber.Docs.Tests.Snippets;

/// <summary>
/// Reads snippets from C# sources: every <c>#region NAME</c> ... <c>#endregion</c> is a part of snippet NAME; the parts
/// of one name (in one file) are joined in file order, each dedented on its own, so a block can show its using lines
/// (a part at the top of the file) followed by statements (a part inside a method).
/// </summary>
internal static partial class SnippetSources
{
    /// <summary>Reads every <c>*.cs</c> file under <paramref name="directory"/> (bin and obj excluded).</summary>
    public static (IReadOnlyDictionary<string, Snippet> Snippets, IReadOnlyList<string> Problems) ReadDirectory(string directory, string root)
    {
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
        return Parse(files);
    }

    /// <summary>Parses sources given as (path, text) pairs.</summary>
    public static (IReadOnlyDictionary<string, Snippet> Snippets, IReadOnlyList<string> Problems) Parse(IEnumerable<(string Path, string Text)> sources)
    {
        var snippets = new Dictionary<string, Snippet>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (path, text) in sources)
        {
            var parts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            string? open = null;
            var openLine = 0;
            var current = new List<string>();
            var lines = text.ReplaceLineEndings("\n").Split('\n');
            for (var index = 0; index < lines.Length; index++)
            {
                var line = lines[index];
                if (RegionStart().Match(line) is { Success: true } start)
                {
                    if (open is not null)
                    {
                        problems.Add($"{path}:{index + 1}: #region {start.Groups["name"].Value} inside #region {open} (line {openLine}); snippet regions do not nest.");
                        continue;
                    }

                    open = start.Groups["name"].Value;
                    openLine = index + 1;
                    current = [];
                }
                else if (RegionEnd().IsMatch(line))
                {
                    if (open is null)
                    {
                        problems.Add($"{path}:{index + 1}: #endregion without #region.");
                        continue;
                    }

                    if (!parts.TryGetValue(open, out var list))
                    {
                        parts[open] = list = [];
                    }

                    list.Add(Dedent(current));
                    open = null;
                }
                else if (open is not null)
                {
                    current.Add(line);
                }
                else if (RegionLike().IsMatch(line))
                {
                    problems.Add($"{path}:{index + 1}: '{line.Trim()}' is not '#region NAME' (NAME: lowercase letters, digits, '-').");
                }
            }

            if (open is not null)
            {
                problems.Add($"{path}:{openLine}: #region {open} has no #endregion.");
            }

            foreach (var (name, texts) in parts)
            {
                if (snippets.TryGetValue(name, out var existing))
                {
                    problems.Add($"{path}: snippet '{name}' is also in {existing.Source}; keep one snippet's regions in one file.");
                    continue;
                }

                snippets[name] = new Snippet(name, path, TrimBlankLines(string.Join('\n', texts)));
            }
        }

        return (snippets, problems);
    }

    /// <summary>Removes the indentation every non-blank line shares; blank lines become empty.</summary>
    public static string Dedent(IReadOnlyList<string> lines)
    {
        var indent = lines.Where(line => line.Trim().Length > 0)
            .Select(line => line.Length - line.TrimStart(' ').Length)
            .DefaultIfEmpty(0)
            .Min();
        return string.Join('\n', lines.Select(line => line.Trim().Length == 0 ? string.Empty : line[indent..].TrimEnd()));
    }

    /// <summary>Removes blank lines at the start and the end.</summary>
    public static string TrimBlankLines(string text)
    {
        var lines = text.Split('\n').ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^\s*#region\s+(?<name>[a-z0-9][a-z0-9-]*)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"^\s*#endregion\b")]
    private static partial Regex RegionEnd();

    [GeneratedRegex(@"^\s*#region\b")]
    private static partial Regex RegionLike();
}
