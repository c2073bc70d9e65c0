namespace Viber.Proxy.Tests.Support;

/// <summary>
/// The proxy configurations the README shows (docs/proxy, copied next to the test binaries), turned into test
/// configurations by replacing the README's example address and port with the test's: each replaced text must
/// occur exactly as often as expected, so an edit to a snippet cannot silently leave the tests running other text.
/// </summary>
public static class ProxySnippet
{
    /// <summary>The nginx location block in the README.</summary>
    public const string NginxFile = "viber-bot.nginx.conf";

    /// <summary>The Caddyfile site block in the README.</summary>
    public const string CaddyFile = "viber-bot.Caddyfile";

    /// <summary>The bot's address in the snippets.</summary>
    public const string ExampleUpstream = "127.0.0.1:5000";

    /// <summary>The public path prefix in the snippets.</summary>
    public const string ExamplePrefix = "/bot";

    /// <summary>The public host in the Caddyfile.</summary>
    public const string ExampleHost = "bot.example.com";

    /// <summary>Gets the directory the snippets and the README are copied to.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "proxy");

    /// <summary>Reads a snippet (or README.md) as the repository has it.</summary>
    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>
    /// The README's nginx location for the bot on 127.0.0.1:<paramref name="appPort"/> under <paramref name="prefix"/>
    /// (instead of /bot), with <paramref name="extraDirectives"/> added at its end.
    /// </summary>
    public static string NginxLocation(int appPort, string prefix, params string[] extraDirectives)
    {
        var text = Replace(Read(NginxFile), $"proxy_pass http://{ExampleUpstream}/;", $"proxy_pass http://127.0.0.1:{appPort}/;", 1);

        // "location /bot/" and the comment naming the example URL, then the X-Forwarded-Prefix value.
        text = Replace(text, ExamplePrefix + "/", prefix + "/", 2);
        text = Replace(text, "X-Forwarded-Prefix " + ExamplePrefix + ";", $"X-Forwarded-Prefix {prefix};", 1);
        var end = text.LastIndexOf('}');
        Assert.True(end > 0, $"{NginxFile} must end with its location block's closing brace");
        return text[..end] + string.Concat(extraDirectives.Select(directive => $"    {directive}\n")) + text[end..];
    }

    /// <summary>The README's Caddyfile, serving https://127.0.0.1:<paramref name="proxyPort"/> with the test certificate.</summary>
    public static string CaddySite(int appPort, int proxyPort, TestCertificate certificate)
    {
        var text = Replace(Read(CaddyFile), $"reverse_proxy {ExampleUpstream} {{", $"reverse_proxy 127.0.0.1:{appPort} {{", 1);
        return Replace(
            text,
            ExampleHost + " {\n",
            $"https://127.0.0.1:{proxyPort} {{\n\tbind 127.0.0.1\n\ttls {certificate.CertificatePath} {certificate.KeyPath}\n",
            1);
    }

    private static string Replace(string text, string oldText, string newText, int expectedCount)
    {
        var count = (text.Length - text.Replace(oldText, string.Empty, StringComparison.Ordinal).Length) / oldText.Length;
        Assert.True(count == expectedCount, $"expected '{oldText}' {expectedCount} time(s) in the proxy snippet, found {count}:\n{text}");
        return text.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
