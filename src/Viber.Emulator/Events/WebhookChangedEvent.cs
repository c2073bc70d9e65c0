namespace Viber.Emulator.Events;

/// <summary>The bot set or removed its webhook with a successful set_webhook.</summary>
public sealed record WebhookChangedEvent : EmulatorEvent
{
    /// <summary>Gets the webhook URL, or <see langword="null"/> when it was removed.</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the event types the bot asked for, or <see langword="null"/> for all.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }

    /// <summary>Gets a value indicating whether callbacks carry user names.</summary>
    public bool SendName { get; init; }

    /// <summary>Gets a value indicating whether callbacks carry user avatars.</summary>
    public bool SendPhoto { get; init; }
}
