using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Viber.Fleet.Tests.Support;

/// <summary>
/// One bot instance as a separate process (<c>dotnet Viber.Fleet.Bot.dll</c>) on its own 127.0.0.1 port, configured
/// through environment variables; <see cref="Kill"/> ends it as a crash would (SIGKILL, nothing released).
/// </summary>
public sealed class BotProcess : IWebhookTarget, IAsyncDisposable
{
    // The bot maps the library's default webhook path (Viber:WebhookPath unset).
    private const string WebhookPath = "viber/webhook";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _token;

    private BotProcess(string name, int port, Process process, string token)
    {
        Name = name;
        _process = process;
        _token = token;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
    }

    public string Name { get; }

    public HttpClient Http { get; }

    public Uri WebhookUrl => new(Http.BaseAddress!, WebhookPath);

    /// <summary>Gets the process's console output (warnings and errors), for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    private static string BotPath { get; } = typeof(BotProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FleetBotPath").Value!;

    /// <summary>Starts an instance and waits until its /health answers 200 (Redis reachable).</summary>
    public static async Task<BotProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment, string token, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BotPath);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        info.Environment["Fleet__Name"] = name;
        var process = new Process { StartInfo = info };
        var bot = new BotProcess(name, port, process, token);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot.WaitUntilHealthyAsync(ReadyTimeout, cancellationToken);
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>Waits until /health answers 200.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Bot {Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Bot {Name} was not healthy within {timeout}:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>Posts a callback body signed as Viber signs it and returns the HTTP status, or null when the connection failed.</summary>
    public Task<int?> PostCallbackAsync(byte[] body, CancellationToken cancellationToken)
        => WebhookTarget.PostSignedAsync(Http, WebhookPath, body, _token, cancellationToken);

    /// <summary>Kills the process and its children at once, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        Http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            while (_output.Count > 200 && _output.TryDequeue(out _))
            {
            }
        }
    }
}
