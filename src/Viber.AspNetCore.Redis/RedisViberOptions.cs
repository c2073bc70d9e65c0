namespace Viber.AspNetCore.Redis;

/// <summary>
/// How a scaled-out bot reaches Redis, bound from the <c>Viber:Redis</c> configuration section (environment
/// variables <c>Viber__Redis__Configuration</c>, ...) and validated when the app starts.
/// </summary>
public sealed class RedisViberOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Viber:Redis";

    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "viber:dedup:";

    /// <summary>The default <see cref="BroadcastKey"/>.</summary>
    public const string DefaultBroadcastKey = "viber:broadcast";

    /// <summary>The default <see cref="UserDetailsKeyPrefix"/>.</summary>
    public const string DefaultUserDetailsKeyPrefix = "viber:user:";

    /// <summary>The default <see cref="ConversationKeyPrefix"/>.</summary>
    public const string DefaultConversationKeyPrefix = "viber:conversation:";

    /// <summary>Gets the default <see cref="ConversationLockLease"/>: 30 seconds.</summary>
    public static TimeSpan DefaultConversationLockLease { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the default <see cref="ConnectTimeout"/> and <see cref="OperationTimeout"/>: 2 seconds.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the default <see cref="ClaimTimeout"/>: 5 minutes.</summary>
    public static TimeSpan DefaultClaimTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string, such as <c>localhost:6379</c> or
    /// <c>redis1:6379,redis2:6379,password=...,ssl=true</c>. Required unless the connection comes from DI
    /// (<c>AddRedisDeduplication(services =&gt; ...)</c>).
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Gets or sets the prefix of every key the bot stores, which keeps them apart from other data. Default <c>viber:dedup:</c>.</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// Gets or sets how long a callback stays claimed while its handlers run. The claim expires on its own after
    /// this, so an instance that crashed mid-callback does not block Viber's retries of it for good; until then
    /// the retries are answered 503. Set it above the slowest handler's run time. Default 5 minutes.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = DefaultClaimTimeout;

    /// <summary>
    /// Gets or sets how long connecting to Redis may take (StackExchange.Redis <c>connectTimeout</c>). Kept well
    /// under the few seconds Viber waits for an answer, so a callback arriving while Redis is down is answered 503
    /// in time. A <c>connectTimeout=</c> in <see cref="Configuration"/> wins. Default 2 seconds.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Gets or sets how long one Redis command may take (StackExchange.Redis <c>syncTimeout</c> and
    /// <c>asyncTimeout</c>); a Redis that hangs fails the command after this. <c>syncTimeout=</c> or
    /// <c>asyncTimeout=</c> in <see cref="Configuration"/> win. Default 2 seconds.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Gets or sets the key of the fleet-wide broadcast budget (<c>AddRedisBroadcastBudget()</c>): a sorted set
    /// holding the permits of the last window. One per bot: two bots sharing a Redis need different keys, since
    /// Viber counts each bot's broadcasts on its own. Default <c>viber:broadcast</c>.
    /// </summary>
    public string BroadcastKey { get; set; } = DefaultBroadcastKey;

    /// <summary>
    /// Gets or sets the prefix of the keys of the shared get_user_details cache (<c>AddRedisUserDetailsStore()</c>):
    /// <c>{prefix}{userId}:details</c> holds the answer, <c>{prefix}{userId}:calls</c> the calls of the last 12 hours.
    /// Default <c>viber:user:</c>.
    /// </summary>
    public string UserDetailsKeyPrefix { get; set; } = DefaultUserDetailsKeyPrefix;

    /// <summary>
    /// Gets or sets the prefix of the keys of the shared conversation store (<c>AddRedisConversationStore()</c>): one
    /// value and one lock key per conversation. Default <c>viber:conversation:</c>.
    /// </summary>
    public string ConversationKeyPrefix { get; set; } = DefaultConversationKeyPrefix;

    /// <summary>
    /// Gets or sets how long a conversation lock of the shared store lasts without renewal. The holder renews it every
    /// third of this while it holds it, so a long handler keeps it; an instance that crashed while holding it blocks
    /// that user's conversation for at most this long. Default 30 seconds.
    /// </summary>
    public TimeSpan ConversationLockLease { get; set; } = DefaultConversationLockLease;
}
