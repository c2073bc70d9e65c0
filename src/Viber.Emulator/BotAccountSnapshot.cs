using Viber.Emulator.Internal;

namespace Viber.Emulator;

/// <summary>The emulated bot account as it is now: what get_account_info would report, plus the privacy flags.</summary>
public sealed record BotAccountSnapshot
{
    /// <summary>Gets the account id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the account name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the account URI used in deep links.</summary>
    public required string Uri { get; init; }

    /// <summary>Gets the account icon URL, if any.</summary>
    public string? Avatar { get; init; }

    /// <summary>Gets the webhook the bot set, or <see langword="null"/> when none is set.</summary>
    public Uri? Webhook { get; init; }

    /// <summary>Gets the event types the bot asked for, or <see langword="null"/> for all.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }

    /// <summary>Gets a value indicating whether callbacks carry user names (set_webhook's <c>send_name</c>).</summary>
    public bool SendName { get; init; }

    /// <summary>Gets a value indicating whether callbacks carry user avatars (set_webhook's <c>send_photo</c>).</summary>
    public bool SendPhoto { get; init; }

    /// <summary>Gets how many users are subscribed.</summary>
    public int SubscribersCount { get; init; }

    /// <summary>
    /// Gets the most broadcast_message requests the emulator accepted in any one sliding window
    /// (<see cref="ViberEmulatorOptions.BroadcastWindow"/>) so far: how close a bot's pacing came to the limit.
    /// </summary>
    public int MostBroadcastsInAnyWindow { get; init; }

    /// <summary>Gets how many broadcast_message requests were answered with status 12 (tooManyRequests) for breaking the limit.</summary>
    public long BroadcastsRefused { get; init; }

    /// <summary>Takes a consistent snapshot of the account under the state's lock.</summary>
    internal static BotAccountSnapshot Take(EmulatorState state)
    {
        lock (state.Gate)
        {
            return new BotAccountSnapshot
            {
                Id = state.Options.AccountId,
                Name = state.Options.BotName,
                Uri = state.Options.BotUri,
                Avatar = state.Options.BotAvatar,
                Webhook = state.Account.Webhook,
                EventTypes = state.Account.EventTypes,
                SendName = state.Account.SendName,
                SendPhoto = state.Account.SendPhoto,
                SubscribersCount = state.Users.Values.Count(u => u.Subscribed),
                MostBroadcastsInAnyWindow = state.Account.Broadcasts.Peak,
                BroadcastsRefused = state.Account.Broadcasts.Refused,
            };
        }
    }
}
