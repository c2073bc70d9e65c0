namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// How background dispatch over Redis Streams works, bound from the <c>Viber:Redis:Streams</c> configuration section
/// (environment variables <c>Viber__Redis__Streams__Partitions</c>, ...) and validated when the app starts. Every
/// instance of a bot must use the same <see cref="KeyPrefix"/>, <see cref="Partitions"/> and <see cref="ConsumerGroup"/>.
/// </summary>
public sealed class RedisViberStreamOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Viber:Redis:Streams";

    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "viber:stream:";

    /// <summary>
    /// Gets or sets the prefix of the streams and keys: partition streams <c>{prefix}0</c> ... <c>{prefix}N-1</c>,
    /// their leases <c>{prefix}N:lease</c>, the dead-letter stream <c>{prefix}dead</c> and the instance list
    /// <c>{prefix}instances</c>. Default <c>viber:stream:</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// Gets or sets how many partition streams callbacks are spread over by a hash of their user id. Each partition is
    /// handled by one worker at a time (across all instances), one callback after the other, so a user's callbacks run
    /// in order; more partitions allow more callbacks in parallel. Change it only with the streams empty. Default 8.
    /// </summary>
    public int Partitions { get; set; } = 8;

    /// <summary>
    /// Gets or sets how many callbacks one partition stream holds, handled or not yet acknowledged, before the
    /// webhook answers 503 (XADD's MAXLEN bound; entries are never trimmed unhandled). Default 10,000.
    /// </summary>
    public int MaxLength { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how many entries the dead-letter stream keeps (approximately; XADD MAXLEN ~): the oldest are
    /// trimmed past it. Default 10,000.
    /// </summary>
    public int DeadLetterMaxLength { get; set; } = 10_000;

    /// <summary>Gets or sets the consumer group every instance reads with. Default <c>viber</c>.</summary>
    public string ConsumerGroup { get; set; } = "viber";

    /// <summary>
    /// Gets or sets this instance's consumer name. Default: machine name, process id and a random suffix, so every
    /// process is a new consumer. A stable name (a pod name) lets a restarted instance resume its own pending
    /// entries at once instead of after <see cref="ClaimIdleTimeout"/>; two live instances must never share one.
    /// </summary>
    public string? ConsumerName { get; set; }

    /// <summary>
    /// Gets or sets how many times a callback is delivered to its handlers (Redis' delivery count: failures,
    /// crashes and claims by another instance all count) before it goes to the dead-letter stream. Default 5.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// Gets or sets how long a partition waits after a handler failure before running the callback again. The
    /// partition's later callbacks wait too, to keep each user's order. Default 5 seconds.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long an entry delivered to another consumer stays unacknowledged before this instance
    /// claims it (XAUTOCLAIM): the entries of an instance that crashed or stopped mid-handler. Set it above the
    /// slowest handler's run time. Default 30 seconds.
    /// </summary>
    public TimeSpan ClaimIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long a partition's lease lasts without renewal (it is renewed every third of it). After an
    /// instance crashes, its partitions wait this long for another instance. Default 15 seconds.
    /// </summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets or sets how often an idle partition looks for callbacks appended by other instances (callbacks this
    /// instance appends wake its own worker at once). Default 250 ms.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
