namespace Viber.Emulator.Conversations;

/// <summary>Where a message is on its way, as a Viber client's ticks show it.</summary>
public enum DeliveryState
{
    /// <summary>A user's message is being posted to the bot's webhook (retries included).</summary>
    Sending = 0,

    /// <summary>The message reached the other side: the user's devices, or the bot's webhook answered 200.</summary>
    Delivered = 1,

    /// <summary>The user read the bot's message.</summary>
    Seen = 2,

    /// <summary>
    /// The user's client rejected the bot's message (a <c>failed</c> callback), or a user's message never got
    /// a 200 from the webhook.
    /// </summary>
    Failed = 3,
}
