using System.Text.Json;
using System.Xml.Linq;

namespace Viber.Docs.Tests.Templates;

/// <summary>
/// `dotnet new viberbot` references the Viber packages of the release it ships with: the template's default package
/// version and the template package's own version are the libraries' VersionPrefix (src/Directory.Build.props).
/// </summary>
public sealed class TemplateVersionTests
{
    private static string LibraryVersion() => VersionPrefixOf(Path.Combine(RepositoryRoot.Path, "src", "Directory.Build.props"));

    [Fact]
    public void The_templates_default_viber_version_is_the_libraries_version()
    {
        var templateJson = Path.Combine(RepositoryRoot.Path, "templates", "Viber.Templates", "content", "ViberBot", ".template.config", "template.json");
        using var template = JsonDocument.Parse(File.ReadAllText(templateJson));

        var defaultVersion = template.RootElement.GetProperty("symbols").GetProperty("ViberVersion").GetProperty("defaultValue").GetString();

        Assert.Equal(LibraryVersion(), defaultVersion);
    }

    [Fact]
    public void The_template_package_is_versioned_with_the_libraries()
    {
        Assert.Equal(LibraryVersion(), VersionPrefixOf(Path.Combine(RepositoryRoot.Path, "templates", "Viber.Templates", "Viber.Templates.csproj")));
    }

    private static string VersionPrefixOf(string projectFile)
    {
        var prefix = XDocument.Load(projectFile).Descendants("VersionPrefix").Select(element => element.Value.Trim()).FirstOrDefault();
        Assert.False(string.IsNullOrEmpty(prefix), $"{projectFile} sets no VersionPrefix.");
        return prefix;
    }
}
