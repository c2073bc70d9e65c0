using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.AspNetCore.Redis.Hosting;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Redis.Users;

/// <summary>
/// The <see cref="IViberUserDetailsStore"/> every instance shares, registered by <c>AddRedisUserDetailsStore()</c>:
/// an answer fetched by one instance is served to all, and the get_user_details quota (2 calls per user per 12 hours)
/// is counted once for the whole bot.
/// </summary>
/// <remarks>
/// <c>{prefix}{userId}:details</c> is a string: the fetch time (8 bytes, Unix milliseconds, big-endian) and the
/// answer's JSON, written with its time to live in one SET. <c>{prefix}{userId}:calls</c> is a sorted set of the calls
/// in the window scored by their time; one Lua script drops the calls that left the window, counts, and adds the new
/// call only when the count is under the limit, so two instances can never both take the last call. It expires one
/// window after the last call. Redis errors are not caught: the cache's caller (a handler) fails and Viber retries.
/// </remarks>
internal sealed class RedisViberUserDetailsStore : IViberUserDetailsStore
{
    // ARGV: now (ms), window (ms), limit, a unique member. Returns {1} when counted, {0, oldest call's ms} when not.
    // The set's expiry is relative to Redis' clock: it only collects the key once the window has passed.
    private const string RecordCallScript = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
          local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
          return {0, oldest[2]}
        end
        redis.call('ZADD', KEYS[1], now, ARGV[4])
        redis.call('PEXPIRE', KEYS[1], window)
        return {1}
        """;

    private const int TimestampLength = sizeof(long);

    private readonly RedisViberConnection _connection;
    private readonly string _keyPrefix;

    public RedisViberUserDetailsStore(RedisViberConnection connection, IOptions<RedisViberOptions> options)
    {
        _connection = connection;
        _keyPrefix = options.Value.UserDetailsKeyPrefix;
    }

    public async ValueTask<ViberStoredUserDetails?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        byte[]? value = await database.StringGetAsync(DetailsKey(userId)).ConfigureAwait(false);
        if (value is null || value.Length < TimestampLength)
        {
            return null;
        }

        var fetchedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(value));
        return new ViberStoredUserDetails(value.AsMemory(TimestampLength), fetchedAt);
    }

    public async ValueTask SetAsync(string userId, ViberStoredUserDetails details, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(details);
        var value = new byte[TimestampLength + details.Json.Length];
        BinaryPrimitives.WriteInt64BigEndian(value, details.FetchedAt.ToUnixTimeMilliseconds());
        details.Json.Span.CopyTo(value.AsSpan(TimestampLength));
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await database.StringSetAsync(DetailsKey(userId), value, timeToLive).ConfigureAwait(false);
    }

    public async ValueTask<ViberUserDetailsCallPermit> TryRecordCallAsync(string userId, DateTimeOffset now, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);

        // Past this point the call may be counted: abandoning the command in flight would not uncount it.
        cancellationToken.ThrowIfCancellationRequested();
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(
            RecordCallScript,
            [(RedisKey)(_keyPrefix + userId + ":calls")],
            [now.ToUnixTimeMilliseconds(), (long)window.TotalMilliseconds, limit, Guid.NewGuid().ToString("N")]).ConfigureAwait(false))!;
        if ((int)result[0] == 1)
        {
            return new ViberUserDetailsCallPermit(true, null);
        }

        var oldest = (long)double.Parse((string)result[1]!, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new ViberUserDetailsCallPermit(false, DateTimeOffset.FromUnixTimeMilliseconds(oldest) + window);
    }

    private RedisKey DetailsKey(string userId) => _keyPrefix + userId + ":details";
}
