namespace Viber.Proxy.Tests.Support;

/// <summary>
/// A program the tests need from the system (nginx, caddy, openssl). Without it the tests that need it are skipped,
/// except on CI (<c>CI=true</c>), where they fail: CI installs them (.ci/run), so a missing one is a broken setup.
/// </summary>
/// <param name="name">The executable's name.</param>
/// <param name="package">The Debian package that provides it.</param>
public sealed class ExternalTool(string name, string package)
{
    public static readonly ExternalTool Nginx = new("nginx", "nginx");
    public static readonly ExternalTool Caddy = new("caddy", "caddy");
    public static readonly ExternalTool OpenSsl = new("openssl", "openssl");

    /// <summary>Gets the executable's name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the executable's full path, or <see langword="null"/> when it is not installed.</summary>
    public string? Path { get; } = Find(name);

    /// <summary>Gets why the tool cannot be used, or <see langword="null"/> when it is installed.</summary>
    public string? UnavailableReason => Path is null ? $"{Name} is not installed (apt-get install {package})" : null;

    /// <summary>Skips the calling test (on CI: fails it) unless all <paramref name="tools"/> are installed.</summary>
    public static void Require(params ExternalTool[] tools)
    {
        var reasons = tools.Select(tool => tool.UnavailableReason).OfType<string>().ToList();
        if (reasons.Count == 0)
        {
            return;
        }

        var reason = string.Join("; ", reasons);
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{reason}; CI must install it (see .ci/run).");
        }

        Assert.Skip(reason);
    }

    // /usr/sbin is searched too: nginx lives there and is not on every user's PATH.
    private static string? Find(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Append("/usr/bin")
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
