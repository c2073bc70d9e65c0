using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Viber.Proxy.Tests.Support;

/// <summary>Runs an external program: to completion (openssl), or in the foreground until disposed (a proxy).</summary>
public sealed class ToolProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ToolProcess(string executable, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        _process = new Process { StartInfo = info };
        DataReceivedEventHandler append = (_, e) =>
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
        };
        _process.OutputDataReceived += append;
        _process.ErrorDataReceived += append;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Gets what the program wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs a program to completion, failing with its output when it exits non-zero or takes over a minute.</summary>
    public static async Task RunAsync(string executable, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        await using var process = new ToolProcess(executable, arguments, workingDirectory, environment: null);
        await process._process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        process._process.WaitForExit();
        if (process._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with {process._process.ExitCode}:\n{process.Output}");
        }
    }

    /// <summary>
    /// Starts a server in the foreground and waits until it accepts connections on 127.0.0.1:<paramref name="port"/>;
    /// <paramref name="describeFailure"/> adds the server's own log (a file) to the error when it does not start.
    /// </summary>
    public static async Task<ToolProcess> StartServerAsync(
        string executable,
        IEnumerable<string> arguments,
        string workingDirectory,
        int port,
        Func<string> describeFailure,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var server = new ToolProcess(executable, arguments, workingDirectory, environment);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout && !server._process.HasExited)
        {
            if (await AcceptsAsync(port, cancellationToken))
            {
                return server;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        var exited = server._process.HasExited;
        await server.DisposeAsync();
        throw new InvalidOperationException(
            $"{executable} did not listen on 127.0.0.1:{port} ({(exited ? "it exited" : $"not within {ReadyTimeout}")}):\n{server.Output}\n{describeFailure()}");
    }

    /// <summary>Kills the program if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            // Not listening yet: the caller polls again until its deadline.
            return false;
        }
    }
}
