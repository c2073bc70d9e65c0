namespace Viber.Proxy.Tests.Support;

/// <summary>
/// One Caddy per test class, in the foreground on a free 127.0.0.1 port, serving the README's Caddyfile
/// (<see cref="ProxySnippet.CaddySite"/>) with a certificate made at test time, forwarding to a bot the tests start on
/// <see cref="AppPort"/>. No admin endpoint, no HTTP redirect listener, and its storage in the fixture's directory.
/// </summary>
public sealed class CaddyFixture : IAsyncLifetime
{
    private string? _directory;
    private ToolProcess? _caddy;
    private TestCertificate? _certificate;

    /// <summary>Gets the port the bot must listen on (picked free when the fixture started).</summary>
    public int AppPort { get; } = FreePort.Next();

    /// <summary>Gets Caddy's HTTPS port.</summary>
    public int ProxyPort { get; private set; }

    /// <summary>Gets the certificate Caddy serves.</summary>
    public TestCertificate Certificate => _certificate ?? throw new InvalidOperationException("Caddy is not running");

    /// <summary>Gets the webhook's public URL (the README's /bot prefix).</summary>
    public Uri WebhookUrl => new($"https://127.0.0.1:{ProxyPort}{ProxySnippet.ExamplePrefix}/viber/webhook");

    /// <summary>Skips (on CI fails) the calling test when caddy or openssl is missing.</summary>
    public void Require() => ExternalTool.Require(ExternalTool.Caddy, ExternalTool.OpenSsl);

    public async ValueTask InitializeAsync()
    {
        if (ExternalTool.Caddy.UnavailableReason is not null || ExternalTool.OpenSsl.UnavailableReason is not null)
        {
            return;
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        _directory = Directory.CreateTempSubdirectory("viber-caddy-").FullName;
        _certificate = await TestCertificate.CreateAsync(_directory, cancellationToken);
        ProxyPort = FreePort.Next();
        var config = Path.Combine(_directory, "Caddyfile");
        await File.WriteAllTextAsync(
            config,
            "{\n\tadmin off\n\tauto_https disable_redirects\n}\n" + ProxySnippet.CaddySite(AppPort, ProxyPort, _certificate),
            cancellationToken);

        // Caddy keeps its data and configuration under XDG directories (else under HOME): the fixture's own.
        _caddy = await ToolProcess.StartServerAsync(
            ExternalTool.Caddy.Path!,
            ["run", "--config", config, "--adapter", "caddyfile"],
            _directory,
            ProxyPort,
            () => string.Empty,
            new Dictionary<string, string>
            {
                ["HOME"] = _directory,
                ["XDG_DATA_HOME"] = Path.Combine(_directory, "data"),
                ["XDG_CONFIG_HOME"] = Path.Combine(_directory, "config"),
            },
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_caddy is not null)
        {
            await _caddy.DisposeAsync();
        }

        _certificate?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
