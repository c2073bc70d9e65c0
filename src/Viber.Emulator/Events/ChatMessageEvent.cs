using Viber.Emulator.Conversations;

namespace Viber.Emulator.Events;

/// <summary>A message entered a conversation: a user wrote to the bot, or a bot message reached a user (or failed on the client).</summary>
public sealed record ChatMessageEvent : EmulatorEvent
{
    /// <summary>Gets the user whose conversation it is.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the message; its <see cref="ChatMessage.State"/> keeps changing after the event.</summary>
    public required ChatMessage Message { get; init; }
}
