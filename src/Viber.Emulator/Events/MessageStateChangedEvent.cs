using Viber.Emulator.Conversations;

namespace Viber.Emulator.Events;

/// <summary>A message in a conversation changed state: delivered, seen or failed (the ticks a Viber client shows).</summary>
public sealed record MessageStateChangedEvent : EmulatorEvent
{
    /// <summary>Gets the user whose conversation it is.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the message's token.</summary>
    public required long MessageToken { get; init; }

    /// <summary>Gets the new state.</summary>
    public required DeliveryState State { get; init; }

    /// <summary>Gets why the message failed, when <see cref="State"/> is <see cref="DeliveryState.Failed"/>.</summary>
    public string? FailureReason { get; init; }
}
