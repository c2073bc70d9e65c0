using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Viber.AspNetCore.Redis.Diagnostics;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Conversations;

/// <summary>
/// A held conversation lock of <see cref="RedisViberConversationStore"/>: renewed every third of its lease until
/// disposed, then deleted if this holder still owns it. A renewal that finds the lock gone or taken (the lease ran
/// out while Redis was unreachable) is logged and stops; the holder is not interrupted.
/// </summary>
internal sealed class RedisConversationLock : IAsyncDisposable
{
    private readonly RedisViberConnection _connection;
    private readonly RedisKey _key;
    private readonly string _token;
    private readonly long _leaseMilliseconds;
    private readonly ILogger _logger;
    private readonly ITimer _renewal;
    private readonly Lock _gate = new();
    private Task _renewing = Task.CompletedTask;
    private int _released;

    public RedisConversationLock(RedisViberConnection connection, RedisKey key, string token, TimeSpan lease, TimeProvider timeProvider, ILogger logger)
    {
        _connection = connection;
        _key = key;
        _token = token;
        _leaseMilliseconds = (long)lease.TotalMilliseconds;
        _logger = logger;
        var every = lease / 3;
        _renewal = timeProvider.CreateTimer(static state => ((RedisConversationLock)state!).Renew(), this, every, every);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        await _renewal.DisposeAsync().ConfigureAwait(false);
        Task renewing;
        lock (_gate)
        {
            renewing = _renewing;
        }

        // A renewal in flight must not re-extend the key after it is deleted; it logs its own failure.
        await renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            var database = await _connection.GetDatabaseAsync(CancellationToken.None).ConfigureAwait(false);
            await RedisOwnedKey.ReleaseAsync(database, _key, _token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Throwing from a dispose would hide the handler's own outcome (or the app is stopping and its connection
            // is gone); the lease frees the lock on its own.
            Log.ConversationLockReleaseFailed(_logger, exception);
        }
    }

    private void Renew()
    {
        lock (_gate)
        {
            // One renewal at a time: a slow Redis must not pile them up.
            if (Volatile.Read(ref _released) == 1 || !_renewing.IsCompleted)
            {
                return;
            }

            _renewing = RenewAsync();
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            var database = await _connection.GetDatabaseAsync(CancellationToken.None).ConfigureAwait(false);
            if (!await RedisOwnedKey.RenewAsync(database, _key, _token, _leaseMilliseconds).ConfigureAwait(false))
            {
                // Gone or someone else's: renewing again could only log the same thing.
                _renewal.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                Log.ConversationLockLost(_logger, null);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The next tick tries again while the lease lasts; the holder is told nothing, as with the in-memory lock.
            Log.ConversationLockRenewalFailed(_logger, exception);
        }
    }
}
