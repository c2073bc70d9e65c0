namespace Viber.AspNetCore.Redis.Streams;

/// <summary>The field names of a stream entry: the verified raw body and what the worker needs besides it.</summary>
internal static class RedisStreamFields
{
    /// <summary>The verified raw callback body, as Viber signed it.</summary>
    public const string Body = "body";

    /// <summary>The claimed deduplication key.</summary>
    public const string Key = "key";

    /// <summary>
    /// The token the webhook claimed the key with: the worker (maybe on another instance) completes or releases the
    /// claim with it, since only a claim's owner can.
    /// </summary>
    public const string ClaimToken = "claim";

    /// <summary>The W3C traceparent of the receive activity (empty when there was none).</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The event name, for logs without parsing the body.</summary>
    public const string Event = "event";

    /// <summary>The message token, for logs without parsing the body (empty when there was none).</summary>
    public const string MessageToken = "token";

    /// <summary>Dead letters: the partition the entry came from.</summary>
    public const string Partition = "partition";

    /// <summary>Dead letters: the entry's id in its partition stream.</summary>
    public const string SourceId = "source_id";

    /// <summary>Dead letters: how many times it was delivered.</summary>
    public const string Deliveries = "deliveries";

    /// <summary>Dead letters: why it was given up (the last failure's exception type and message).</summary>
    public const string Reason = "reason";
}
