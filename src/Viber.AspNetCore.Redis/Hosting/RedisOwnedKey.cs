using StackExchange.Redis;

namespace Viber.AspNetCore.Redis.Hosting;

/// <summary>
/// Commands on a Redis key whose value is its owner's token (a lock, a lease, a deduplication claim): each acts only
/// while the key still holds the caller's token, checked and applied in one Lua script so the key cannot change
/// between the two. An owner whose expiry ran out (a pause, Redis out of reach) must not extend or delete a key
/// another owner has taken since.
/// </summary>
/// <remarks>
/// The scripts are sent as text like every other script of this package: <see cref="LuaScript"/> binds its
/// parameters by reflection (not trim/AOT-safe), and a <see cref="LoadedLuaScript"/> is loaded on one server only.
/// </remarks>
internal static class RedisOwnedKey
{
    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <summary>Sets the key to expire <paramref name="leaseMilliseconds"/> from now if it still holds <paramref name="token"/>.</summary>
    /// <returns>Whether it did; <see langword="false"/> when the key is gone or holds another token.</returns>
    public static async Task<bool> RenewAsync(IDatabase database, RedisKey key, RedisValue token, long leaseMilliseconds)
        => (long)await database.ScriptEvaluateAsync(RenewScript, [key], [token, leaseMilliseconds]).ConfigureAwait(false) != 0;

    /// <summary>Deletes the key if it still holds <paramref name="token"/>.</summary>
    /// <returns>Whether it did; <see langword="false"/> when the key is gone or holds another token.</returns>
    public static async Task<bool> ReleaseAsync(IDatabase database, RedisKey key, RedisValue token)
        => (long)await database.ScriptEvaluateAsync(ReleaseScript, [key], [token]).ConfigureAwait(false) == 1;
}
