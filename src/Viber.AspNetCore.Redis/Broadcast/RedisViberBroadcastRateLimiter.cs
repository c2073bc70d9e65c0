using System.Threading.RateLimiting;
using StackExchange.Redis;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Broadcast;

/// <summary>
/// A broadcast rate limiter shared by every instance of a bot through one Redis sorted set: at most
/// <c>permitLimit</c> permits in any window, fleet-wide. A permit is a member scored "in flight" while its request
/// runs and, once the lease is disposed, with the time the answer came, dropping out one window later. Time is
/// Redis' own (<c>TIME</c> in the script), so the instances' clocks need not agree. Waiters are served one at a
/// time per instance and poll at most every <see cref="MaxPollInterval"/> (in-flight permits can free up early).
/// </summary>
/// <remarks>
/// <c>TIME</c> is the Redis host's wall clock, and Redis offers scripts no monotonic one: a forward step of that clock
/// ends the counted permits' windows early (the README says so to operators). A backward step only keeps them longer.
/// <para>
/// Hand-written rather than RedisRateLimiting's <c>RedisSlidingWindowRateLimiter</c>: that one passes its Lua
/// parameters as an anonymous object (read by reflection and compiled expressions in StackExchange.Redis' LuaScript, not trim/AOT-safe), turns a
/// waiter away instead of queueing it, and counts from acquisition rather than from the answer.
/// </para>
/// </remarks>
internal sealed class RedisViberBroadcastRateLimiter : RateLimiter
{
    /// <summary>The longest a waiter sleeps before asking Redis again.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(250);

    // KEYS[1] the sorted set; ARGV: limit, window (µs), in-flight hold (µs), member prefix, permit count.
    // Returns {1, remaining} when granted, {0, ms to wait} when not.
    private const string TakeScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local hold = tonumber(ARGV[3])
        local count = tonumber(ARGV[5])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local used = redis.call('ZCARD', KEYS[1])
        if used + count <= limit then
          for i = 1, count do
            redis.call('ZADD', KEYS[1], now + hold, ARGV[4] .. ':' .. i)
          end
          redis.call('PEXPIRE', KEYS[1], math.ceil((hold + window) / 1000) + 1000)
          return {1, limit - used - count}
        end
        local index = used + count - limit - 1
        local entry = redis.call('ZRANGE', KEYS[1], index, index, 'WITHSCORES')
        return {0, math.max(1, math.ceil((tonumber(entry[2]) + window - now) / 1000))}
        """;

    private readonly RedisViberConnection _connection;
    private readonly RedisKey _key;
    private readonly int _permitLimit;
    private readonly long _windowMicroseconds;
    private readonly long _holdMicroseconds;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _queued;
    private long _successful;
    private long _lastRemaining;

    /// <summary>Initializes a new instance of the <see cref="RedisViberBroadcastRateLimiter"/> class.</summary>
    /// <param name="connection">The bot's Redis connection.</param>
    /// <param name="key">The sorted set's key; one per bot.</param>
    /// <param name="permitLimit">The permits in any window, fleet-wide.</param>
    /// <param name="window">The window.</param>
    /// <param name="inFlightHold">How long a permit whose lease is never disposed (a crashed instance) counts as in flight.</param>
    /// <param name="timeProvider">The clock the waiters sleep on.</param>
    public RedisViberBroadcastRateLimiter(
        RedisViberConnection connection,
        string key,
        int permitLimit,
        TimeSpan window,
        TimeSpan inFlightHold,
        TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(inFlightHold, TimeSpan.Zero);
        _connection = connection;
        _key = key;
        _permitLimit = permitLimit;
        _windowMicroseconds = Microseconds(window);
        _holdMicroseconds = Microseconds(inFlightHold);
        _timeProvider = timeProvider;
        _lastRemaining = permitLimit;
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = Interlocked.Read(ref _lastRemaining),
        CurrentQueuedCount = Interlocked.Read(ref _queued),
        TotalSuccessfulLeases = Interlocked.Read(ref _successful),
        TotalFailedLeases = 0,
    };

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckCount(permitCount);
        if (permitCount == 0)
        {
            return new RedisViberBroadcastLease(null, _key, []);
        }

        // The synchronous path is for callers without async; Viber clients use AcquireAsync.
        var database = _connection.GetDatabaseAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var (prefix, members) = Members(permitCount);
        var result = (RedisResult[])database.ScriptEvaluate(TakeScript, [_key], Arguments(permitCount, prefix))!;
        return (RateLimitLease?)Granted(database, result, members) ?? RefusedLease.Instance;
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckCount(permitCount);
        if (permitCount == 0)
        {
            return new RedisViberBroadcastLease(null, _key, []);
        }

        Interlocked.Increment(ref _queued);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var (prefix, members) = Members(permitCount);
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
                    var result = (RedisResult[])(await database.ScriptEvaluateAsync(TakeScript, [_key], Arguments(permitCount, prefix)).ConfigureAwait(false))!;
                    if (Granted(database, result, members) is { } lease)
                    {
                        return lease;
                    }

                    var wait = TimeSpan.FromMilliseconds(Math.Min((long)result[1], (long)MaxPollInterval.TotalMilliseconds));
                    await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private static long Microseconds(TimeSpan span) => (long)Math.Ceiling(span.TotalMicroseconds);

    // The script names the members prefix:1..n, as here; the prefix is unique to the lease.
    private static (string Prefix, RedisValue[] Members) Members(int permitCount)
    {
        var prefix = Guid.NewGuid().ToString("N");
        var members = new RedisValue[permitCount];
        for (var i = 0; i < permitCount; i++)
        {
            members[i] = $"{prefix}:{i + 1}";
        }

        return (prefix, members);
    }

    private RedisValue[] Arguments(int permitCount, string prefix)
        => [_permitLimit, _windowMicroseconds, _holdMicroseconds, prefix, permitCount];

    private RedisViberBroadcastLease? Granted(IDatabase database, RedisResult[] result, RedisValue[] members)
    {
        if ((long)result[0] != 1)
        {
            return null;
        }

        Interlocked.Exchange(ref _lastRemaining, (long)result[1]);
        Interlocked.Increment(ref _successful);
        return new RedisViberBroadcastLease(database, _key, members);
    }

    private void CheckCount(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        if (permitCount > _permitLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"{permitCount} permits exceed the broadcast budget of {_permitLimit} per window.");
        }
    }

    /// <summary>The answer of a synchronous attempt when the budget is spent.</summary>
    private sealed class RefusedLease : RateLimitLease
    {
        public static readonly RefusedLease Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
