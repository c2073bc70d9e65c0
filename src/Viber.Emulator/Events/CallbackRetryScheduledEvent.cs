namespace Viber.Emulator.Events;

/// <summary>
/// A callback failed and will be posted again after <see cref="Delay"/>. The retry timer is already running when
/// this is published, so a test can advance a fake clock by <see cref="Delay"/> as soon as it sees the event.
/// </summary>
public sealed record CallbackRetryScheduledEvent : EmulatorEvent
{
    /// <summary>Gets the callback's <c>event</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the user the callback is about, if any.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the callback's <c>message_token</c>.</summary>
    public long? MessageToken { get; init; }

    /// <summary>Gets the number of the attempt that will follow the delay (2 for the first retry).</summary>
    public required int NextAttempt { get; init; }

    /// <summary>Gets how long the emulator waits before that attempt.</summary>
    public required TimeSpan Delay { get; init; }
}
