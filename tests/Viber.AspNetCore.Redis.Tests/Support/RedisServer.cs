using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>
/// A real redis-server in the foreground on a free 127.0.0.1 port and a throwaway directory; killed on dispose. By
/// default it keeps nothing on disk; a durable one writes every command to its append-only file before answering
/// (<c>appendfsync always</c>), so a kill and a restart lose nothing acknowledged.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Executable = "redis-server";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private readonly string _executable;
    private readonly bool _durable;
    private Process _process;

    private RedisServer(Process process, string executable, string directory, int port, bool durable)
    {
        _process = process;
        _executable = executable;
        _directory = directory;
        _durable = durable;
        Port = port;
    }

    /// <summary>Gets the port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Gets a StackExchange.Redis configuration string for the server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Gets why no server can be started here, or <see langword="null"/> when redis-server is installed.</summary>
    public static string? UnavailableReason { get; } = FindExecutable() is null
        ? $"{Executable} is not on PATH (apt-get install redis-server)"
        : null;

    /// <summary>Starts a server and waits until it answers PING.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="durable">Whether every write is fsynced to an append-only file that a restart reloads.</param>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken, bool durable = false)
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException(UnavailableReason);
        var failures = new StringBuilder();

        // The port is free when picked but could be taken before redis binds it; a new port is tried then.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var port = FreePort.Next();
            var directory = Directory.CreateTempSubdirectory("viber-redis-").FullName;
            var output = new StringBuilder();
            var process = Start(executable, port, directory, durable, output);
            var server = new RedisServer(process, executable, directory, port, durable);
            if (await server.WaitUntilReadyAsync(cancellationToken))
            {
                return server;
            }

            await server.DisposeAsync();
            lock (output)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"attempt {attempt} on port {port}: {output}");
            }
        }

        throw new InvalidOperationException($"{Executable} did not start:\n{failures}");
    }

    /// <summary>Freezes (SIGSTOP) or thaws (SIGCONT) the server: its connections stay open but nothing is answered, as with a hung Redis.</summary>
    public async Task SignalAsync(bool freeze)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [freeze ? "-STOP" : "-CONT", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await kill.WaitForExitAsync(timeout.Token);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {(freeze ? "-STOP" : "-CONT")} {_process.Id} exited with {kill.ExitCode}");
        }
    }

    /// <summary>Kills the server, as an outage would; <see cref="RestartAsync"/> brings it back on the same port.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Starts the stopped server again on its port (empty unless durable) and waits until it answers PING.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        _process.Dispose();
        var output = new StringBuilder();
        _process = Start(_executable, Port, _directory, _durable, output);
        if (!await WaitUntilReadyAsync(cancellationToken))
        {
            lock (output)
            {
                throw new InvalidOperationException($"{Executable} did not restart on port {Port}: {output}");
            }
        }
    }

    /// <summary>Kills the server and removes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static Process Start(string executable, int port, string directory, bool durable, StringBuilder output)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", durable ? "yes" : "no", "--appendfsync", "always", "--daemonize", "no", "--dir", directory, "--loglevel", "warning"])
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        DataReceivedEventHandler append = (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls PING until the server answers PONG, it exits, or the deadline passes.</summary>
    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            if (await PingAsync(cancellationToken))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        return false;
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            // Not listening yet (or a stranger's port): the caller polls again or gives up at its deadline.
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }


    private static string? FindExecutable()
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Executable))
            .FirstOrDefault(File.Exists);
}
