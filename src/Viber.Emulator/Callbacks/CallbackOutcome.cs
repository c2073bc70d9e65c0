namespace Viber.Emulator.Callbacks;

/// <summary>How a callback to the bot ended.</summary>
public enum CallbackOutcome
{
    /// <summary>The webhook answered 200.</summary>
    Delivered = 0,

    /// <summary>The webhook never answered 200, retries included.</summary>
    Rejected = 1,

    /// <summary>Not posted: the bot left this event out of set_webhook's <c>event_types</c>.</summary>
    FilteredOut = 2,

    /// <summary>Not posted: the bot has no webhook set.</summary>
    NoWebhook = 3,
}
