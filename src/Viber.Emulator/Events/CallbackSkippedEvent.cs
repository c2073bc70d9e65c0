using Viber.Emulator.Callbacks;

namespace Viber.Emulator.Events;

/// <summary>A callback was not posted: no webhook is set, or the bot filtered the event out with <c>event_types</c>.</summary>
public sealed record CallbackSkippedEvent : EmulatorEvent
{
    /// <summary>Gets the callback's <c>event</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the user the callback is about, if any.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the callback's <c>message_token</c>.</summary>
    public long? MessageToken { get; init; }

    /// <summary>Gets why it was not posted: <see cref="CallbackOutcome.NoWebhook"/> or <see cref="CallbackOutcome.FilteredOut"/>.</summary>
    public required CallbackOutcome Reason { get; init; }
}
