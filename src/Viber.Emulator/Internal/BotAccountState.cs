namespace Viber.Emulator.Internal;

/// <summary>The emulated bot account's webhook settings and broadcast quota. Mutated only under the emulator's lock.</summary>
/// <param name="options">The emulator's settings, for the broadcast limit.</param>
internal sealed class BotAccountState(ViberEmulatorOptions options)
{
    public Uri? Webhook { get; set; }

    /// <summary>Gets or sets the event types set_webhook asked for; <see langword="null"/> means all.</summary>
    public IReadOnlyList<string>? EventTypes { get; set; }

    public bool SendName { get; set; }

    public bool SendPhoto { get; set; }

    /// <summary>Gets the broadcast_message requests in the sliding window (Viber allows 500 per 10 s).</summary>
    public SlidingWindowCounter Broadcasts { get; } = new(options.BroadcastWindow, options.BroadcastRequestsPerWindow);
}
