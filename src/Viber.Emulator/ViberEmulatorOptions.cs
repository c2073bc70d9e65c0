namespace Viber.Emulator;

/// <summary>Settings of a <see cref="ViberEmulator"/>: the emulated bot account and how Viber's side behaves.</summary>
public sealed class ViberEmulatorOptions
{
    /// <summary>Gets or sets the bot's auth token. Empty (the default) makes the emulator generate a random one.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>Gets or sets the account id get_account_info reports. Default <c>pa:5000000000000000001</c>.</summary>
    public string AccountId { get; set; } = "pa:5000000000000000001";

    /// <summary>Gets or sets the account name. Default <c>Emulated Bot</c>.</summary>
    public string BotName { get; set; } = "Emulated Bot";

    /// <summary>Gets or sets the account URI used in deep links (<c>viber://pa?chatURI=...</c>). Default <c>emulatedbot</c>.</summary>
    public string BotUri { get; set; } = "emulatedbot";

    /// <summary>Gets or sets the account icon URL, if any.</summary>
    public string? BotAvatar { get; set; }

    /// <summary>Gets or sets the account category. Default <c>Emulator</c>.</summary>
    public string Category { get; set; } = "Emulator";

    /// <summary>Gets or sets the account country (ISO ALPHA-2). Default <c>UA</c>.</summary>
    public string Country { get; set; } = "UA";

    /// <summary>
    /// Gets or sets the name callbacks carry instead of the user's when the bot set <c>send_name</c> to false.
    /// Default <c>Subscriber</c>.
    /// </summary>
    public string PlaceholderUserName { get; set; } = "Subscriber";

    /// <summary>
    /// Gets or sets the avatar URL callbacks carry instead of the user's when the bot set <c>send_photo</c> to false.
    /// Default <see langword="null"/>: the avatar is left out.
    /// </summary>
    public string? PlaceholderUserAvatar { get; set; }

    /// <summary>
    /// Gets or sets how many times a callback is re-sent after the webhook answered anything but 200.
    /// Default 10, as Viber documents.
    /// </summary>
    public int CallbackMaxRetries { get; set; } = 10;

    /// <summary>
    /// Gets or sets the first retry interval; each later one doubles. The default 3.5 s makes ten retries span
    /// about an hour, as Viber describes. Time comes from the emulator's <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan CallbackRetryDelay { get; set; } = TimeSpan.FromSeconds(3.5);

    /// <summary>Gets or sets how long one callback attempt may take (wall clock). Default 10 s.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long the <c>Wait*</c> methods wait when no timeout is given (wall clock). Default 10 s.</summary>
    public TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how many events the emulator keeps for <see cref="ViberEmulator.Events"/> and late subscribers. Default 10,000.</summary>
    public int EventHistoryLimit { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets a value indicating whether the emulator's endpoints (chat page and Bot API) answer callers that
    /// are not on this machine. Default <see langword="false"/>: remote callers get 403, because whoever reaches the
    /// page can act as any user. Bound from <c>Viber:Emulator:AllowRemoteClients</c> in emulator mode.
    /// </summary>
    public bool AllowRemoteClients { get; set; }

    /// <summary>
    /// Gets or sets the broadcast_message requests allowed in any <see cref="BroadcastWindow"/> before status 12
    /// (tooManyRequests). Default 500, as Viber documents. Change it only to scale a pacing test down.
    /// </summary>
    public int BroadcastRequestsPerWindow { get; set; } = 500;

    /// <summary>Gets or sets the sliding window of <see cref="BroadcastRequestsPerWindow"/>. Default 10 s, as Viber documents.</summary>
    public TimeSpan BroadcastWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets a value indicating whether broadcast_message counts receivers that no simulated user has as
    /// reached, keeping nothing for them. Default <see langword="false"/>: they are in <c>failed_list</c> with status 5,
    /// as Viber answers. Turn it on for a broadcast to more receivers than it is worth simulating (a benchmark).
    /// </summary>
    public bool AcceptUnknownBroadcastReceivers { get; set; }

    /// <summary>
    /// Gets or sets how long broadcast_message takes to answer, to stand for the real API's network and processing
    /// time (about 100 to 300 ms) when a test or benchmark looks at how a bot copes with it: the request is counted
    /// against <see cref="BroadcastRequestsPerWindow"/> and delivered on arrival, and the answer goes back after the
    /// delay. The delay follows the emulator's <see cref="TimeProvider"/>, so a fake clock must be advanced past it.
    /// Default <see cref="TimeSpan.Zero"/>: answered at once. At most one day.
    /// </summary>
    public TimeSpan BroadcastResponseDelay { get; set; }
}
