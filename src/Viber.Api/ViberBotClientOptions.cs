using Viber.Api.Messages;

namespace Viber.Api;

/// <summary>Settings of a <c>ViberBotClient</c>.</summary>
public sealed class ViberBotClientOptions
{
    /// <summary>Gets or sets the auth token sent in <c>X-Viber-Auth-Token</c>. Never logged.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>Gets or sets the API base address. Default <c>https://chatapi.viber.com/pa/</c>.</summary>
    public Uri BaseAddress { get; set; } = new(ViberApiMethods.DefaultBaseAddress);

    /// <summary>Gets or sets the sender used when a message has none.</summary>
    public ViberSender? DefaultSender { get; set; }

    /// <summary>Gets or sets how many times a transient failure is retried. Default 3; 0 disables retries.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the first retry delay; later delays grow exponentially with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest single retry delay. Default 30 s. A <c>Retry-After</c> the server sends with HTTP 429 or
    /// 503 is honoured as given, even when longer; <see cref="TotalTimeout"/> bounds the whole call.
    /// </summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the timeout of one attempt (10 ms to 24 h, or <see cref="Timeout.InfiniteTimeSpan"/> for none). Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the time budget of one call including its retries (10 ms to 24 h, or
    /// <see cref="Timeout.InfiniteTimeSpan"/> for none). Default 2 minutes.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets the broadcast requests allowed in any <see cref="BroadcastWindow"/> (a sliding window, retries
    /// included). Default 500, Viber's limit.
    /// </summary>
    public int BroadcastRequestsPerWindow { get; set; } = 500;

    /// <summary>Gets or sets the broadcast rate-limit window. Default 10 s.</summary>
    public TimeSpan BroadcastWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how many broadcast_message requests one broadcast has in flight at once (at least 1). Default 16.
    /// </summary>
    /// <remarks>
    /// Each request still takes a permit from the broadcast rate limiter first, so more requests in flight never
    /// exceed <see cref="BroadcastRequestsPerWindow"/>; they only keep the budget busy while answers are on their way.
    /// Reaching Viber's 500 requests per 10 s (50 a second) takes about 50 times the API's answer time in seconds in
    /// flight: 10 at 200 ms, 15 at 300 ms; the default 16 covers answers up to about 300 ms. The receivers are read
    /// no further ahead than the requests in flight (300 each). 1 sends one request after another. Keep it (times the
    /// broadcasts running at once) well under <see cref="BroadcastRequestsPerWindow"/>: requests past the budget only wait
    /// for a permit, and that wait counts toward <see cref="TotalTimeout"/>.
    /// </remarks>
    public int BroadcastConcurrency { get; set; } = 16;
}
