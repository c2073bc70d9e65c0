using Viber.AspNetCore.Conversations;
using Viber.AspNetCore.Redis.Conversations;
using Viber.AspNetCore.Redis.Hosting;
using Viber.AspNetCore.Redis.Users;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Redis;

/// <summary>Shares a bot's user-details cache and conversation state between its instances through Redis.</summary>
public static class RedisViberStoresBuilderExtensions
{
    /// <summary>
    /// Keeps the get_user_details cache (<see cref="IViberUserDetailsCache"/>) in Redis: an answer one instance
    /// fetched is served to every instance, and Viber's quota (2 calls per user per 12 hours) is counted atomically
    /// for the whole bot. Keys start with <see cref="RedisViberOptions.UserDetailsKeyPrefix"/>. Adds
    /// <c>AddRedisDeduplication()</c> (connecting with <c>Viber:Redis:Configuration</c>) unless it was added already;
    /// call <c>AddRedisDeduplication(...)</c> first to connect differently. While Redis is down a lookup throws
    /// <see cref="StackExchange.Redis.RedisConnectionException"/>.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisUserDetailsStore(this IViberBotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        EnsureConnection(builder);
        return builder.AddUserDetailsStore<RedisViberUserDetailsStore>();
    }

    /// <summary>
    /// Keeps conversation state (<see cref="IViberConversationStore"/>) in Redis, with a per-user lock that holds
    /// across instances: a Redis key with a token unique to its holder, renewed while held, released only by its
    /// holder, and expiring after <see cref="RedisViberOptions.ConversationLockLease"/> when its instance crashed.
    /// Values expire after <c>Viber:Conversations:Expiry</c>; a wait for the lock longer than
    /// <c>Viber:Conversations:LockTimeout</c> throws <see cref="TimeoutException"/>. Adds
    /// <c>AddRedisDeduplication()</c> unless it was added already.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisConversationStore(this IViberBotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        EnsureConnection(builder);
        return builder.AddConversationStore<RedisViberConversationStore>();
    }

    /// <summary>
    /// Everything a scaled-out bot shares through Redis in one call: deduplication, the broadcast budget, the
    /// user-details cache and conversation state (<c>AddRedisDeduplication()</c>, <c>AddRedisBroadcastBudget()</c>,
    /// <c>AddRedisUserDetailsStore()</c>, <c>AddRedisConversationStore()</c>). Background dispatch over Redis Streams
    /// is separate: <c>AddRedisBackgroundDispatch()</c>.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="configure">Sets the options, over those bound from <c>Viber:Redis</c>; optional.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisScaleOut(this IViberBotBuilder builder, Action<RedisViberOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is null)
        {
            EnsureConnection(builder);
        }
        else
        {
            builder.AddRedisDeduplication(configure);
        }

        return builder.AddRedisBroadcastBudget().AddRedisUserDetailsStore().AddRedisConversationStore();
    }

    // Keeps any connection the app chose with an earlier AddRedisDeduplication(...) call.
    private static void EnsureConnection(IViberBotBuilder builder)
    {
        if (!builder.Services.Any(static descriptor => descriptor.ServiceType == typeof(RedisViberConnection)))
        {
            builder.AddRedisDeduplication();
        }
    }
}
