namespace Viber.Emulator.Internal;

/// <summary>The emulated bot account's webhook settings and broadcast quota. Mutated only under the emulator's lock.</summary>
internal sealed class BotAccountState
{
    /// <summary>Viber allows 500 broadcast_message requests in a 10-second window.</summary>
    public const int BroadcastsPerWindow = 500;

    public Uri? Webhook { get; set; }

    /// <summary>Gets or sets the event types set_webhook asked for; <see langword="null"/> means all.</summary>
    public IReadOnlyList<string>? EventTypes { get; set; }

    public bool SendName { get; set; }

    public bool SendPhoto { get; set; }

    public SlidingWindowCounter Broadcasts { get; } = new(TimeSpan.FromSeconds(10), BroadcastsPerWindow);
}
