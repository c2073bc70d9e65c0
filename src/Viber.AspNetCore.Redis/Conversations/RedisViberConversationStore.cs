using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.AspNetCore.Conversations;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Conversations;

/// <summary>
/// The <see cref="IViberConversationStore"/> every instance shares, registered by <c>AddRedisConversationStore()</c>:
/// a user's state written by one instance is read by the next, and the per-user lock holds across instances.
/// </summary>
/// <remarks>
/// A value is a string key written with <see cref="ViberConversationOptions.Expiry"/> as its time to live. The lock is
/// a second key, <c>SET NX PX</c> with a token unique to the holder and <see cref="RedisViberOptions.ConversationLockLease"/>
/// as its expiry; the holder renews it every third of the lease, and renewing and releasing are Lua compare-and-set
/// scripts on the token, so only the holder extends or frees it. A waiter polls (every 5 ms, backing off to 100 ms)
/// until the key is free or <see cref="ViberConversationOptions.LockTimeout"/> has passed. Redis errors are not caught:
/// the handler fails and Viber retries the callback.
/// </remarks>
internal sealed class RedisViberConversationStore : IViberConversationStore
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(100);

    private readonly RedisViberConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RedisViberConversationStore> _logger;
    private readonly string _keyPrefix;
    private readonly TimeSpan _lease;
    private readonly ViberConversationOptions _options;

    public RedisViberConversationStore(
        RedisViberConnection connection,
        IOptions<RedisViberOptions> redisOptions,
        IOptions<ViberConversationOptions> options,
        TimeProvider timeProvider,
        ILogger<RedisViberConversationStore> logger)
    {
        _connection = connection;
        _keyPrefix = redisOptions.Value.ConversationKeyPrefix;
        _lease = redisOptions.Value.ConversationLockLease;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async ValueTask<IAsyncDisposable> AcquireLockAsync(ViberConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lockKey = (RedisKey)(ValueKey(key) + ":lock");
        var token = Guid.NewGuid().ToString("N");
        var started = _timeProvider.GetTimestamp();
        var poll = FirstPoll;
        while (true)
        {
            var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (await database.StringSetAsync(lockKey, token, _lease, When.NotExists).ConfigureAwait(false))
            {
                return new RedisConversationLock(_connection, lockKey, token, _lease, _timeProvider, _logger);
            }

            if (_options.LockTimeout != Timeout.InfiniteTimeSpan && _timeProvider.GetElapsedTime(started) >= _options.LockTimeout)
            {
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Waited {_options.LockTimeout} (Viber:Conversations:LockTimeout) for a user's conversation lock that another handler (on this or another instance) still holds. A handler that locks the same user twice waits for itself: release the first lock before taking it again. A lock whose instance crashed expires after Viber:Redis:ConversationLockLease ({_lease})."));
            }

            await Task.Delay(poll, _timeProvider, cancellationToken).ConfigureAwait(false);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, MaxPoll.Ticks));
        }
    }

    public async ValueTask<byte[]?> GetAsync(ViberConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.StringGetAsync(ValueKey(key)).ConfigureAwait(false);
    }

    public async ValueTask SetAsync(ViberConversationKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await database.StringSetAsync(ValueKey(key), value, _options.Expiry).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(ViberConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await database.KeyDeleteAsync(ValueKey(key)).ConfigureAwait(false);
    }

    // The bot name's length comes first, so no bot name and user id pair can spell another pair's key.
    internal string ValueKey(ViberConversationKey key)
        => string.Create(CultureInfo.InvariantCulture, $"{_keyPrefix}{key.BotName.Length}:{key.BotName}:{key.UserId}");
}
