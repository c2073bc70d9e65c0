namespace Viber.AspNetCore.Conversations;

/// <summary>
/// The default in-memory conversation store's bounds and the lock timeout, bound from <c>Viber:Conversations</c>
/// (the bot's configuration section, then <c>Conversations</c>) wherever <c>AddViberBot</c> binds the bot's options;
/// settings made with <c>ConfigureConversations</c> win.
/// </summary>
public sealed class ViberConversationOptions
{
    /// <summary>The sub-section of the bot's configuration section these options bind from.</summary>
    public const string SectionName = "Conversations";

    /// <summary>
    /// Gets or sets how long a conversation's state is kept after it was last written; 1 day by default.
    /// </summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets or sets the most conversations the in-memory store keeps; past it the one written longest ago is
    /// forgotten first. 100,000 by default.
    /// </summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>
    /// Gets or sets how long <c>LockAsync</c> waits for a conversation held by another handler before it throws
    /// <see cref="TimeoutException"/>; 30 s by default. <see cref="Timeout.InfiniteTimeSpan"/> waits until the
    /// caller's token is cancelled.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
