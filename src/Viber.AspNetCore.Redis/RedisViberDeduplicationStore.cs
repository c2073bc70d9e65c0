using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis;

/// <summary>
/// An <see cref="IViberDeduplicationStore"/> in Redis, shared by every instance of a scaled-out bot, so a callback
/// Viber retries (possibly to another instance) is handled once. Registered by <c>AddRedisDeduplication()</c>.
/// </summary>
/// <remarks>
/// A key holds <c>in-progress</c> while its handlers run, expiring after <see cref="RedisViberOptions.ClaimTimeout"/>
/// so a crashed instance does not block the callback for good, and then <c>done</c> for the deduplication window.
/// Claiming is one Lua script (SET NX, else GET), so exactly one of any number of concurrent deliveries wins.
/// Redis errors are not caught: the webhook then answers with an error status and Viber retries the callback.
/// </remarks>
public sealed class RedisViberDeduplicationStore : IViberDeduplicationStore
{
    /// <summary>The value of a key whose handlers are running.</summary>
    internal const string InProgressValue = "in-progress";

    /// <summary>The value of a key whose handlers succeeded.</summary>
    internal const string CompletedValue = "done";

    // Returns the ViberDeduplicationClaim: 0 claimed, 1 completed, 2 in progress. A script runs atomically, so the
    // key cannot change (or expire) between the SET and the GET.
    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return 0
        end
        if redis.call('GET', KEYS[1]) == ARGV[3] then
          return 1
        end
        return 2
        """;

    // Deletes the key only while it is in progress: a release must never forget that a callback was handled.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly RedisViberConnection _connection;
    private readonly string _keyPrefix;
    private readonly long _claimTimeoutMilliseconds;

    internal RedisViberDeduplicationStore(RedisViberConnection connection, IOptions<RedisViberOptions> options)
    {
        _connection = connection;
        _keyPrefix = options.Value.KeyPrefix;
        _claimTimeoutMilliseconds = Milliseconds(options.Value.ClaimTimeout);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The claim lasts <see cref="RedisViberOptions.ClaimTimeout"/>, not <paramref name="window"/>; the window starts
    /// when the key is completed. Cancellation is honoured only before the command is sent: abandoning it in flight
    /// could leave a claim nobody completes or releases, and the command is bounded by the client's own timeout.
    /// </remarks>
    public async ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await database.ScriptEvaluateAsync(
            ClaimScript,
            [_keyPrefix + key],
            [InProgressValue, _claimTimeoutMilliseconds, CompletedValue]).ConfigureAwait(false);
        return (int)result switch
        {
            0 => ViberDeduplicationClaim.Claimed,
            1 => ViberDeduplicationClaim.Completed,
            2 => ViberDeduplicationClaim.InProgress,
            var other => throw new InvalidOperationException($"The Redis claim script answered {other}, which is not a claim result."),
        };
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var expiry = TimeSpan.FromMilliseconds(Milliseconds(window));
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await database.StringSetAsync(_keyPrefix + key, CompletedValue, expiry, When.Always).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await database.ScriptEvaluateAsync(ReleaseScript, [_keyPrefix + key], [InProgressValue]).ConfigureAwait(false);
    }

    // Redis expiries are whole milliseconds; rounding up keeps a sub-millisecond span from becoming 0 (an error).
    private static long Milliseconds(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero);
        return (long)Math.Ceiling(span.TotalMilliseconds);
    }
}
