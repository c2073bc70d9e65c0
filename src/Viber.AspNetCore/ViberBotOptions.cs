using Viber.Api;

namespace Viber.AspNetCore;

/// <summary>
/// The bot's settings, bound from the <c>Viber</c> configuration section (environment variables
/// <c>Viber__AuthToken</c>, <c>Viber__WebhookUrl</c>, ...) and validated when the app starts.
/// </summary>
public sealed class ViberBotOptions
{
    /// <summary>The default configuration section name.</summary>
    public const string SectionName = "Viber";

    /// <summary>The webhook path used when neither <see cref="WebhookPath"/> nor <see cref="WebhookUrl"/> is set.</summary>
    public const string DefaultWebhookPath = "/viber/webhook";

    /// <summary>The default <see cref="MaxRequestBodySize"/>: 1 MiB (Viber callbacks are a few KB).</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>
    /// How much older than <see cref="DeduplicationWindow"/> a callback's timestamp may be before
    /// <see cref="RejectReplays"/> ignores it: room for clock skew between Viber and the bot, and for delivery delay.
    /// </summary>
    public static readonly TimeSpan ReplayMargin = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="RejectionLogInterval"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultRejectionLogInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the bot's auth token from the Viber admin panel. Required. It signs callbacks and authenticates
    /// API calls; it never appears in a log, exception message, metric or trace.
    /// </summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the public absolute URL Viber calls (https; http only for loopback hosts). Required when
    /// <see cref="RegisterWebhook"/> is <see langword="true"/>. Behind a reverse proxy this is the proxy's URL.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Gets or sets the local path the webhook is served on. Defaults to the path of <see cref="WebhookUrl"/>, else
    /// <see cref="DefaultWebhookPath"/>. Set it when a proxy rewrites the public path.
    /// </summary>
    public string? WebhookPath { get; set; }

    /// <summary>Gets or sets the Bot API base address. Default <c>https://chatapi.viber.com/pa/</c>.</summary>
    public string ApiBaseUrl { get; set; } = ViberApiMethods.DefaultBaseAddress;

    /// <summary>Gets the default sender of outgoing messages and welcome messages (<c>Viber:Sender:Name</c>, <c>Viber:Sender:Avatar</c>).</summary>
    public ViberSenderOptions Sender { get; } = new();

    /// <summary>
    /// Gets or sets the events set_webhook subscribes to, any of <see cref="Viber.Api.ViberEventType.Subscribable"/>
    /// (delivered, seen, failed, subscribed, unsubscribed, conversation_started, message). <see langword="null"/>
    /// (the default) means every event.
    /// </summary>
    public IList<string>? EventTypes { get; set; }

    /// <summary>Gets or sets a value indicating whether callbacks carry user names (set_webhook <c>send_name</c>). Default <see langword="true"/>.</summary>
    public bool SendName { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether callbacks carry user photos (set_webhook <c>send_photo</c>). Default <see langword="true"/>.</summary>
    public bool SendPhoto { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether set_webhook is called once the server listens. Default <see langword="true"/>.</summary>
    public bool RegisterWebhook { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the webhook is removed when the app stops. Default
    /// <see langword="false"/>: removing it would stop Viber's retries to the next instance during a rolling deploy.
    /// </summary>
    public bool RemoveWebhookOnShutdown { get; set; }

    /// <summary>Gets or sets the first delay before set_webhook is retried; later delays grow exponentially. Default 2 s.</summary>
    public TimeSpan RegistrationRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the longest delay between set_webhook attempts. Default 1 minute.</summary>
    public TimeSpan RegistrationRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the largest callback body accepted, in bytes; larger bodies get 413. Default 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = DefaultMaxRequestBodySize;

    /// <summary>Gets or sets how handlers run: before answering (<see cref="ViberDispatchMode.Inline"/>, the default) or after it.</summary>
    public ViberDispatchMode DispatchMode { get; set; } = ViberDispatchMode.Inline;

    /// <summary>The default <see cref="HandlerTimeout"/>: 10 s, a few seconds over the time Viber waits for an answer.</summary>
    public static readonly TimeSpan DefaultHandlerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long a callback's handlers may run in inline mode before their token is cancelled and the
    /// callback is answered 503 (its deduplication claim released, so Viber's retry runs them again). Default 10 s:
    /// Viber stops waiting after a few seconds, and a handler kept running long after that (an API that hangs)
    /// only holds a connection: API calls made with the handlers' token end with it.
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off. Background handlers are not bounded by it.
    /// </summary>
    public TimeSpan HandlerTimeout { get; set; } = DefaultHandlerTimeout;

    /// <summary>Gets or sets how many callbacks the background queue holds before answering 503. Default 1,000.</summary>
    public int BackgroundQueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Gets or sets how many background workers run handlers. Default 32: handlers mostly wait on the Bot API (a reply
    /// takes tens to hundreds of milliseconds), so workers, not CPU, bound the throughput; 32 replies in flight keep up
    /// with a webhook that answers in a millisecond, within <see cref="MaxConcurrentApiCalls"/>. Callbacks of one user
    /// always go to the same worker, so each user's callbacks are handled in the order they arrived.
    /// </summary>
    public int BackgroundWorkers { get; set; } = 32;

    /// <summary>
    /// Gets or sets how long a handled callback is remembered so that Viber's retries of it are ignored.
    /// Default 2 hours (Viber retries for about an hour).
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Gets or sets how many callbacks the in-memory deduplication store remembers at most. Default 100,000.</summary>
    public int DeduplicationCapacity { get; set; } = 100_000;

    /// <summary>
    /// Gets or sets how many Bot API requests the app's <c>IViberBotClient</c>s may have in flight at once. As many
    /// more wait for a slot (each bounded by its call's cancellation token); past that a call fails at once with
    /// <see cref="ViberApiCallLimitException"/>. Bounds the outbound connections a hanging Bot API can hold. Default 100.
    /// </summary>
    public int MaxConcurrentApiCalls { get; set; } = 100;

    /// <summary>
    /// Gets or sets how often a kind of refused request (bad signature, body too large, not JSON, not POST) is logged
    /// in full: the first of each interval is, the rest are counted in one summary when it ends. Default 10 seconds.
    /// The <c>viber.callbacks.rejected</c> metric counts every one.
    /// </summary>
    public TimeSpan RejectionLogInterval { get; set; } = DefaultRejectionLogInterval;

    /// <summary>
    /// Gets or sets a value indicating whether callbacks whose <c>timestamp</c> is older than
    /// <see cref="DeduplicationWindow"/> plus <see cref="ReplayMargin"/>, by the bot's <see cref="TimeProvider"/>, are
    /// answered 200 without dispatch (logged at a bounded rate and counted as rejected, reason <c>too_old</c>).
    /// Default <see langword="true"/>: the deduplication store has forgotten such a callback, so a captured signed
    /// body re-sent later would otherwise be handled again. The webhook check and callbacks without a timestamp are
    /// not affected; timestamps ahead of the bot's clock are accepted. Keep <see cref="DeduplicationWindow"/> above
    /// Viber's retry span (about an hour), or late retries of a callback that failed are ignored too.
    /// </summary>
    public bool RejectReplays { get; set; } = true;
}
