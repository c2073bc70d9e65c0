using System.Globalization;
using Viber.Proxy.Tests.Support;

namespace Viber.Fleet.Tests.Support;

/// <summary>
/// nginx in front of the instances, as in production (plain http here: TLS is the proxy tests' subject): one upstream
/// with every instance, so callbacks are spread over them and a dead one is skipped (a refused connection is passed to
/// the next server; a POST that reached one is not retried on another).
/// </summary>
public sealed class FleetNginx : IWebhookTarget, IAsyncDisposable
{
    private readonly ToolProcess _nginx;
    private readonly string _directory;
    private readonly string _token;

    private FleetNginx(ToolProcess nginx, string directory, int port, string token)
    {
        _nginx = nginx;
        _directory = directory;
        _token = token;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(1) };
    }

    public HttpClient Http { get; }

    /// <summary>Starts nginx, or skips (on CI fails) the test when it is not installed.</summary>
    public static async Task<FleetNginx> StartAsync(IEnumerable<BotProcess> instances, string token, CancellationToken cancellationToken)
    {
        ExternalTool.Require(ExternalTool.Nginx);
        var directory = Directory.CreateTempSubdirectory("viber-fleet-nginx-").FullName;
        var port = FreePort.Next();
        var servers = string.Join("\n", instances.Select(bot => $"        server {bot.Http.BaseAddress!.Authority} max_fails=1 fail_timeout=10s;"));
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream viber_bot {
            {{servers}}
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location /viber/webhook {
                        proxy_pass http://viber_bot;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_read_timeout 10s;
                    }
                }
            }
            """), cancellationToken);
        var nginx = await ToolProcess.StartServerAsync(
            ExternalTool.Nginx.Path!,
            ["-c", config, "-p", directory + "/", "-e", Path.Combine(directory, "error.log")],
            directory,
            port,
            () => File.Exists(Path.Combine(directory, "error.log")) ? File.ReadAllText(Path.Combine(directory, "error.log")) : string.Empty,
            environment: null,
            cancellationToken);
        return new FleetNginx(nginx, directory, port, token);
    }

    public Task<int?> PostCallbackAsync(byte[] body, CancellationToken cancellationToken)
        => WebhookTarget.PostSignedAsync(Http, "viber/webhook", body, _token, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _nginx.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
