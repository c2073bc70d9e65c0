using Microsoft.Extensions.Options;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis;

/// <summary>
/// An <see cref="IViberDeduplicationStore"/> in Redis, shared by every instance of a scaled-out bot, so a callback
/// Viber retries (possibly to another instance) is handled once. Registered by <c>AddRedisDeduplication()</c>.
/// </summary>
/// <remarks>
/// A key holds <c>in-progress:&lt;claim token&gt;</c> while its handlers run, expiring after
/// <see cref="RedisViberOptions.ClaimTimeout"/> so a crashed instance does not block the callback for good, and then
/// <c>done</c> for the deduplication window. Every command is one Lua script, so it is atomic: exactly one of any
/// number of concurrent deliveries claims a key, and completing or releasing compares the claim token first, so a
/// handler slower than the claim timeout cannot free or overwrite the newer claim of another delivery.
/// Redis errors are not caught here: the webhook answers 503 to a failed claim (Viber retries), and keeps a failed
/// completion to write later (see the README's Redis section).
/// </remarks>
internal sealed class RedisViberDeduplicationStore : IViberDeduplicationStore
{
    /// <summary>The prefix of the value of a key whose handlers are running; the claim token follows it.</summary>
    internal const string InProgressPrefix = "in-progress:";

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

    // Marks the key done when this claim still holds it or nobody does (the claim expired and no other delivery took
    // it: recording it keeps the retry from running the handlers again). Another delivery's claim is left alone.
    // Returns 1 when the key is done afterwards, 0 when another claim holds it.
    private const string CompleteScript = """
        local value = redis.call('GET', KEYS[1])
        if value == ARGV[2] then
          return 1
        end
        if value == false or value == ARGV[1] then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          return 1
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
    public async ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await database.ScriptEvaluateAsync(
            ClaimScript,
            [_keyPrefix + key],
            [InProgressPrefix + claimToken, _claimTimeoutMilliseconds, CompletedValue]).ConfigureAwait(false);
        return (int)result switch
        {
            0 => ViberDeduplicationClaim.Claimed,
            1 => ViberDeduplicationClaim.Completed,
            2 => ViberDeduplicationClaim.InProgress,
            var other => throw new InvalidOperationException($"The Redis claim script answered {other}, which is not a claim result."),
        };
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        var expiry = Milliseconds(window);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await database.ScriptEvaluateAsync(
            CompleteScript,
            [_keyPrefix + key],
            [InProgressPrefix + claimToken, CompletedValue, expiry]).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // Deletes the key only while this claim holds it: a release must never forget that a callback was handled
        // (the key holds "done"), nor free another delivery's claim.
        return await RedisOwnedKey.ReleaseAsync(database, _keyPrefix + key, InProgressPrefix + claimToken).ConfigureAwait(false);
    }

    // Redis expiries are whole milliseconds; rounding up keeps a sub-millisecond span from becoming 0 (an error).
    private static long Milliseconds(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero);
        return (long)Math.Ceiling(span.TotalMilliseconds);
    }
}
