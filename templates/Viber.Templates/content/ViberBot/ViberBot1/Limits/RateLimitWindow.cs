namespace ViberBot1.Limits;

/// <summary>A fixed window of requests allowed per client IP address.</summary>
public sealed class RateLimitWindow
{
    /// <summary>Gets or sets the requests one client address may make in a window; more are answered 429.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Gets or sets the length of a window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}
