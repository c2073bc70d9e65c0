namespace Viber.Emulator.Events;

/// <summary>Background work inside the emulator failed unexpectedly (a bug in the emulator, not in the bot).</summary>
public sealed record EmulatorErrorEvent : EmulatorEvent
{
    /// <summary>Gets what the emulator was doing.</summary>
    public required string Operation { get; init; }

    /// <summary>Gets the exception.</summary>
    public required Exception Exception { get; init; }
}
