namespace Viber.Emulator.Events;

/// <summary>A simulated user was created or changed state.</summary>
public sealed record UserChangedEvent : EmulatorEvent
{
    /// <summary>Gets the user's id.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets what happened.</summary>
    public required UserChange Change { get; init; }
}
