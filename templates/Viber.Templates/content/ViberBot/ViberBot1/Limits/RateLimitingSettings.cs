namespace ViberBot1.Limits;

/// <summary>The bot's <c>RateLimiting</c> section: per-client-IP limits of the webhook and the health endpoint.</summary>
public sealed class RateLimitingSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "RateLimiting";

    /// <summary>Gets or sets a value indicating whether the limits apply; <see langword="false"/> lets every request through.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the webhook's limit. Viber calls from a few addresses of its own, so this bounds a whole bot's
    /// callback rate: raise it for a busy bot. A 429 is a non-200, so Viber sends the callback again later.
    /// </summary>
    public RateLimitWindow Webhook { get; set; } = new() { PermitLimit = 100 };

    /// <summary>Gets or sets the health endpoint's limit: enough for probes every second, not for a flood.</summary>
    public RateLimitWindow Health { get; set; } = new() { PermitLimit = 5 };
}
