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

    /// <summary>Gets the database, connecting first if no attempt succeeded yet.</summary>
    /// <param name="cancellationToken">Stops waiting for the connection (the attempt itself goes on for other callers).</param>
    /// <returns>The default database of the connection.</returns>
    /// <exception cref="RedisConnectionException">Redis could not be reached.</exception>
    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
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

        var multiplexer = await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        return multiplexer.GetDatabase();
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
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(ConfigurationOptions.Parse(options.Value.Configuration!)).ConfigureAwait(false);
        Log.Connected(logger, string.Join(", ", multiplexer.GetEndPoints().Select(endPoint => endPoint.ToString())));
        return multiplexer;
    }
}
