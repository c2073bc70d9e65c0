using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.AspNetCore.Redis.Diagnostics;

namespace Viber.AspNetCore.Redis.Hosting;

/// <summary>
/// The one Redis connection of the app, made on first use and shared by every caller. A failed attempt is not
/// cached: the next call tries again, so the bot recovers once Redis is back. A multiplexer this class connected is
/// disposed with the app; one that came from the app's DI is left to its owner.
/// </summary>
internal sealed class RedisViberConnection(
    IOptions<RedisViberOptions> options,
    RedisViberConnectionSource source,
    IServiceProvider services,
    ILogger<RedisViberConnection> logger) : IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private Task<IConnectionMultiplexer>? _connecting;
    private bool _disposed;

    // 1 while the interactive connection is down: the client raises ConnectionFailed for every failed reconnect
    // attempt, and only the transition is worth a log line.
    private int _down;

    /// <summary>Gets the database, connecting first if no attempt succeeded yet.</summary>
    /// <param name="cancellationToken">Stops waiting for the connection (the attempt itself goes on for other callers).</param>
    /// <returns>The default database of the connection.</returns>
    /// <exception cref="RedisConnectionException">Redis could not be reached, or the connection is down right now.</exception>
    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        var multiplexer = await GetMultiplexerAsync(cancellationToken).ConfigureAwait(false);

        // The circuit: while the client knows Redis is down (it reconnects in the background), a command would only
        // fail after a timeout, so the caller gets the failure now and the webhook answers 503 at once.
        if (!multiplexer.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected (the client keeps reconnecting in the background); failing at once rather than waiting.", null, CommandStatus.Unknown);
        }

        return multiplexer.GetDatabase();
    }

    /// <summary>Gets the multiplexer, connecting first if no attempt succeeded yet; it may be disconnected right now.</summary>
    /// <param name="cancellationToken">Stops waiting for the connection (the attempt itself goes on for other callers).</param>
    /// <returns>The multiplexer.</returns>
    public async ValueTask<IConnectionMultiplexer> GetMultiplexerAsync(CancellationToken cancellationToken)
    {
        Task<IConnectionMultiplexer> connecting;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Concurrent callers share one attempt rather than each opening a connection. Task.Run keeps the
            // attempt's synchronous part (parsing, the app's factory) out of the lock.
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = Task.Run(ConnectAsync, CancellationToken.None);
            }

            connecting = _connecting;
        }

        return await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (TakeOwnedConnection() is not { } connecting)
        {
            return;
        }

        // A failed attempt already threw to the callers that waited for it; there is nothing to dispose then.
        await ((Task)connecting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (connecting.IsCompletedSuccessfully)
        {
            await connecting.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the connection for a container disposed synchronously; one still being made is disposed once made.</summary>
    public void Dispose()
        => TakeOwnedConnection()?.ContinueWith(
            static connecting => connecting.Result.Dispose(),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>Marks the instance disposed and returns the connection attempt to dispose, if it is this class's to dispose.</summary>
    private Task<IConnectionMultiplexer>? TakeOwnedConnection()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return null;
            }

            _disposed = true;
            return source.Factory is null ? _connecting : null;
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        if (source.Factory is { } factory)
        {
            return factory(services);
        }

        // The app's logger factory is not handed to StackExchange.Redis: it logs dozens of lines per connect at
        // Information. An app that wants them brings its own multiplexer (the Func overload of AddRedisDeduplication).
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(RedisViberConfiguration.Create(options.Value)).ConfigureAwait(false);
        var endPoints = string.Join(", ", multiplexer.GetEndPoints().Select(endPoint => endPoint.ToString()));
        if (multiplexer.IsConnected)
        {
            Log.Connected(logger, endPoints);
        }
        else
        {
            Log.NotConnectedYet(logger, endPoints);
        }

        // Only the interactive connection matters (the subscription one is unused); its transitions are what the
        // callbacks' 503s and the health check follow.
        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive && Interlocked.Exchange(ref _down, 1) == 0)
            {
                Log.ConnectionLost(logger, e.Exception, e.EndPoint?.ToString() ?? endPoints, e.FailureType.ToString());
            }
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive && Interlocked.Exchange(ref _down, 0) == 1)
            {
                Log.ConnectionRestored(logger, e.EndPoint?.ToString() ?? endPoints);
            }
        };
        return multiplexer;
    }
}
