using System.Globalization;

namespace Viber.Proxy.Tests.Support;

/// <summary>
/// One nginx per test class, unprivileged in the foreground on a free 127.0.0.1 port, terminating TLS with a
/// certificate made at test time and forwarding to a bot the tests start on <see cref="AppPort"/>. Its locations
/// are the README's (<see cref="ProxySnippet.NginxLocation"/>) under several prefixes, some with one directive added.
/// </summary>
public sealed class NginxFixture : IAsyncLifetime
{
    /// <summary>The README's location as it is.</summary>
    public const string ReadmePrefix = "/bot";

    /// <summary>The README's location, also dropping <c>X-Viber-Content-Signature</c>.</summary>
    public const string NoSignatureHeaderPrefix = "/stripped";

    /// <summary>The README's location, also dropping the signature header and the query string (so <c>sig</c> too).</summary>
    public const string NoSignaturePrefix = "/bare";

    /// <summary>The README's location with <c>proxy_read_timeout 1s</c>.</summary>
    public const string ShortReadTimeoutPrefix = "/slow";

    /// <summary>A location that passes the prefix on (no X-Forwarded-Prefix), for an app with <c>UsePathBase</c>.</summary>
    public const string KeptPrefix = "/based";

    private string? _directory;
    private ToolProcess? _nginx;

    /// <summary>Gets the port the bot must listen on (picked free when the fixture started).</summary>
    public int AppPort { get; } = FreePort.Next();

    /// <summary>Gets nginx's HTTPS port.</summary>
    public int ProxyPort { get; private set; }

    /// <summary>Gets the certificate nginx serves.</summary>
    public TestCertificate Certificate => _certificate ?? throw new InvalidOperationException("nginx is not running");

    private TestCertificate? _certificate;

    /// <summary>Gets the public URL of the webhook under a location prefix.</summary>
    public Uri WebhookUrl(string prefix) => new($"https://127.0.0.1:{ProxyPort}{prefix}/viber/webhook");

    /// <summary>Gets nginx's error log so far (for failure messages).</summary>
    public string ErrorLog => _directory is null ? string.Empty : ReadIfExists(Path.Combine(_directory, "error.log"));

    /// <summary>Skips (on CI fails) the calling test when nginx or openssl is missing.</summary>
    public void Require() => ExternalTool.Require(ExternalTool.Nginx, ExternalTool.OpenSsl);

    public async ValueTask InitializeAsync()
    {
        if (ExternalTool.Nginx.UnavailableReason is not null || ExternalTool.OpenSsl.UnavailableReason is not null)
        {
            return;
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        _directory = Directory.CreateTempSubdirectory("viber-nginx-").FullName;
        _certificate = await TestCertificate.CreateAsync(_directory, cancellationToken);

        // The port is free when picked but could be taken before nginx binds it; a new one is tried then.
        for (var attempt = 1; ; attempt++)
        {
            ProxyPort = FreePort.Next();
            var config = Path.Combine(_directory, "nginx.conf");
            await File.WriteAllTextAsync(config, Config(), cancellationToken);
            try
            {
                // -e: the error log before the configuration is read (the default, under /var/log, is not writable).
                _nginx = await ToolProcess.StartServerAsync(
                    ExternalTool.Nginx.Path!,
                    ["-c", config, "-p", _directory + "/", "-e", Path.Combine(_directory, "error.log")],
                    _directory,
                    ProxyPort,
                    () => ErrorLog,
                    environment: null,
                    cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && ErrorLog.Contains("Address already in use", StringComparison.Ordinal))
            {
                File.Delete(Path.Combine(_directory, "error.log"));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        _certificate?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Config()
    {
        var d = _directory!;
        var locations = string.Join(
            "\n",
            ProxySnippet.NginxLocation(AppPort, ReadmePrefix),
            ProxySnippet.NginxLocation(AppPort, NoSignatureHeaderPrefix, "proxy_set_header X-Viber-Content-Signature \"\";"),
            ProxySnippet.NginxLocation(AppPort, NoSignaturePrefix, "proxy_set_header X-Viber-Content-Signature \"\";", $"rewrite ^{NoSignaturePrefix}/(.*)$ /$1? break;"),
            ProxySnippet.NginxLocation(AppPort, ShortReadTimeoutPrefix, "proxy_read_timeout 1s;"),
            $$"""
            location {{KeptPrefix}}/ {
                proxy_pass http://127.0.0.1:{{AppPort}};
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto $scheme;
            }
            """);

        // One process (master_process off): nothing runs as another user when the tests run as root, and killing
        // it stops nginx. Every path nginx writes is in the fixture's directory.
        return string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process off;
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log info;
            events { worker_connections 256; }
            http {
                access_log {{d}}/access.log;
                client_body_temp_path {{d}}/client_body;
                proxy_temp_path {{d}}/proxy;
                fastcgi_temp_path {{d}}/fastcgi;
                uwsgi_temp_path {{d}}/uwsgi;
                scgi_temp_path {{d}}/scgi;
                server {
                    listen 127.0.0.1:{{ProxyPort}} ssl;
                    server_name localhost;
                    ssl_certificate {{Certificate.CertificatePath}};
                    ssl_certificate_key {{Certificate.KeyPath}};
            {{locations}}
                }
            }
            """);
    }

    private static string ReadIfExists(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }
}
