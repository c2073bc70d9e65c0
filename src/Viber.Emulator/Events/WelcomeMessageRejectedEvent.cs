using Viber.Api;

namespace Viber.Emulator.Events;

/// <summary>
/// The bot answered conversation_started with a body that is not a valid welcome message, so the user got nothing.
/// Viber drops such a body silently; the emulator says why.
/// </summary>
public sealed record WelcomeMessageRejectedEvent : EmulatorEvent
{
    /// <summary>Gets the user who opened the conversation.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the status send_message would have answered for the same message.</summary>
    public required ViberStatus Status { get; init; }

    /// <summary>Gets what is wrong with the body.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the response body as UTF-8 text.</summary>
    public required string Body { get; init; }
}
