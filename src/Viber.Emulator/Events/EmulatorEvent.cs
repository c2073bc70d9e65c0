namespace Viber.Emulator.Events;

/// <summary>
/// Something the emulator did or saw: an API call, a callback attempt, a message in a conversation. Events form a
/// single ordered feed (<see cref="ViberEmulator.Subscribe"/>) that a chat page or a test can follow live.
/// </summary>
public abstract record EmulatorEvent
{
    /// <summary>Gets the position of the event in the emulator's feed, starting at 1; later events have larger numbers.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Gets when the event happened, by the emulator's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Time { get; internal set; }
}
