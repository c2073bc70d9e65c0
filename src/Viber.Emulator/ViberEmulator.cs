using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Viber.Emulator.Api;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Conversations;
using Viber.Emulator.Events;
using Viber.Emulator.Hosting;
using Viber.Emulator.Internal;
using Viber.Emulator.Users;

namespace Viber.Emulator;

/// <summary>
/// A faithful fake of Viber for one bot: the Bot API with Viber's rules and status codes, simulated users that send
/// signed callbacks to the bot's webhook, and a live feed of everything that happens. Thread-safe.
/// </summary>
/// <remarks>
/// Serve the API with <see cref="ViberEmulatorServer"/> (Kestrel on 127.0.0.1), <see cref="ViberEmulatorHttpHandler"/>
/// (in-process, no sockets), <c>MapViberEmulatorApi</c> (inside an app) or <c>WithViberEmulator</c>
/// (WebApplicationFactory). All of Viber's time rules (welcome window, rate limits, retry intervals) follow the
/// injected <see cref="System.TimeProvider"/>; the <c>Wait*</c> timeouts use the wall clock.
/// </remarks>
public sealed class ViberEmulator : IAsyncDisposable
{
    // The emulator is a facade over narrow parts with explicit dependencies, built bottom-up here:
    // state (data + the state lock) and feed (events + the innermost lock) at the bottom; the callback sender on
    // both; conversations on those; the API methods on conversations. EmulatorState documents the locking rule.
    private readonly EmulatorState _state;
    private readonly Dictionary<string, EmulatedUser> _users = new(StringComparer.Ordinal);
    private readonly List<EmulatedUser> _userOrder = [];
    private readonly ApiProcessor _api;
    private readonly CallbackSender _sender;
    private readonly ConversationEngine _conversations;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="ViberEmulator"/> class.</summary>
    /// <param name="options">The bot account and behaviour; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for Viber's time rules; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">A logger for API calls and failed callbacks; none when <see langword="null"/>.</param>
    public ViberEmulator(ViberEmulatorOptions? options = null, TimeProvider? timeProvider = null, ILogger<ViberEmulator>? logger = null)
    {
        Options = options ?? new ViberEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.CallbackMaxRetries, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.EventHistoryLimit, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.CallbackTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.DefaultWaitTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.BroadcastRequestsPerWindow, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.BroadcastWindow, TimeSpan.Zero, nameof(options));

        if (Options.BroadcastResponseDelay < TimeSpan.Zero || Options.BroadcastResponseDelay > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.BroadcastResponseDelay, "BroadcastResponseDelay must be between zero and one day.");
        }

        // Polly accepts retry delays up to one day.
        if (Options.CallbackRetryDelay <= TimeSpan.Zero || Options.CallbackRetryDelay > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.CallbackRetryDelay, "CallbackRetryDelay must be more than zero and at most one day.");
        }

        AuthToken = string.IsNullOrEmpty(Options.AuthToken)
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))
            : Options.AuthToken;
        var time = timeProvider ?? TimeProvider.System;
        var log = logger ?? (ILogger)NullLogger.Instance;
        _state = new EmulatorState(Options, AuthToken, time);
        Feed = new EventFeed(time, Options.EventHistoryLimit);
        Background = new BackgroundWork(log, (operation, exception) => Feed.Publish(new EmulatorErrorEvent { Operation = operation, Exception = exception }));
        var callbacks = new CallbackFactory(_state);
        _sender = new CallbackSender(_state, Feed, Background, log);
        _conversations = new ConversationEngine(_state, Feed, callbacks, _sender, Background);
        _api = new ApiProcessor(_state, Feed, _conversations, callbacks, _sender, log);
    }

    /// <summary>Gets the bot's auth token: the one configured, or a random one. Give it to the bot under test.</summary>
    public string AuthToken { get; }

    /// <summary>Gets the clock Viber's time rules follow.</summary>
    public TimeProvider TimeProvider => _state.Time;

    /// <summary>Gets the emulated bot account as it is now.</summary>
    public BotAccountSnapshot Account => BotAccountSnapshot.Take(_state);

    /// <summary>Gets the simulated users, in the order they were created.</summary>
    public IReadOnlyList<EmulatedUser> Users
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _userOrder];
            }
        }
    }

    /// <summary>Gets the events kept in history (up to <see cref="ViberEmulatorOptions.EventHistoryLimit"/>), oldest first.</summary>
    public IReadOnlyList<EmulatorEvent> Events => Feed.Snapshot<EmulatorEvent>();

    /// <summary>Gets the Bot API calls kept in history, oldest first, with their statuses.</summary>
    public IReadOnlyList<ApiCallEvent> ApiCalls => Feed.Snapshot<ApiCallEvent>();

    /// <summary>Gets the callback attempts kept in history, oldest first, with the webhook's answers.</summary>
    public IReadOnlyList<CallbackAttemptEvent> CallbackAttempts => Feed.Snapshot<CallbackAttemptEvent>();

    internal ViberEmulatorOptions Options { get; }

    internal EventFeed Feed { get; }

    internal BackgroundWork Background { get; }

    /// <summary>Creates a simulated user.</summary>
    /// <param name="profile">Who the user is; defaults when <see langword="null"/>. The emulator keeps a copy.</param>
    /// <returns>The user.</returns>
    /// <exception cref="ArgumentException">The profile is invalid or its id is taken.</exception>
    public EmulatedUser CreateUser(EmulatedUserProfile? profile = null)
    {
        var copy = profile?.Copy() ?? new EmulatedUserProfile();
        ArgumentException.ThrowIfNullOrWhiteSpace(copy.Name, nameof(profile));
        if (copy.Devices < 1 || copy.ApiVersion < 1)
        {
            throw new ArgumentException("A user needs at least one device and an API version of at least 1.", nameof(profile));
        }

        var id = string.IsNullOrEmpty(copy.Id) ? UserIds.NewId() : copy.Id;
        copy.Id = id;
        lock (_state.Gate)
        {
            if (_users.ContainsKey(id))
            {
                throw new ArgumentException($"A user with id '{id}' already exists.", nameof(profile));
            }

            var state = new UserState(id, copy);
            var user = new EmulatedUser(_state, Feed, _conversations, state);
            _state.Users.Add(id, state);
            _state.UserOrder.Add(state);
            _users.Add(id, user);
            _userOrder.Add(user);
            Feed.Publish(new UserChangedEvent { UserId = id, Change = UserChange.Created });
            return user;
        }
    }

    /// <summary>Creates a simulated user with a name and default profile values.</summary>
    /// <param name="name">The user's Viber name.</param>
    /// <returns>The user.</returns>
    public EmulatedUser CreateUser(string name) => CreateUser(new EmulatedUserProfile { Name = name });

    /// <summary>Gets a simulated user by id.</summary>
    /// <param name="userId">The user id.</param>
    /// <returns>The user.</returns>
    /// <exception cref="KeyNotFoundException">No user has this id.</exception>
    public EmulatedUser GetUser(string userId)
        => TryGetUser(userId, out var user) ? user : throw new KeyNotFoundException($"No emulated user has id '{userId}'.");

    /// <summary>Gets a simulated user by id, if there is one.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="user">The user, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the user exists.</returns>
    public bool TryGetUser(string userId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmulatedUser? user)
    {
        lock (_state.Gate)
        {
            return _users.TryGetValue(userId, out user);
        }
    }

    /// <summary>
    /// Follows the event feed live: API calls, callback attempts and retries, messages and state changes. Each
    /// subscriber has its own bounded buffer, so a slow reader loses its oldest events rather than slowing the emulator.
    /// </summary>
    /// <param name="includeHistory">Whether to start with the events already in history.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <returns>The events, in order, until cancelled or the emulator is disposed.</returns>
    public IAsyncEnumerable<EmulatorEvent> Subscribe(bool includeHistory = false, CancellationToken cancellationToken = default)
        => Feed.SubscribeAsync(includeHistory, cancellationToken);

    /// <summary>Waits for the first event of a type, already in history or still to come, that matches a condition.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="predicate">The condition; any event of the type when <see langword="null"/>.</param>
    /// <param name="timeout">The wall-clock timeout; <see cref="ViberEmulatorOptions.DefaultWaitTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The event.</returns>
    /// <exception cref="TimeoutException">No such event in time.</exception>
    public Task<TEvent> WaitForEventAsync<TEvent>(Func<TEvent, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TEvent : EmulatorEvent
        => Feed.WaitAsync(predicate ?? (_ => true), timeout ?? Options.DefaultWaitTimeout, "matching the condition", cancellationToken);

    /// <summary>Waits for the next bot message to a user that no earlier wait returned.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="timeout">The wall-clock timeout; <see cref="ViberEmulatorOptions.DefaultWaitTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TimeoutException">No message in time; the message lists the user's recent API calls.</exception>
    public Task<ChatMessage> WaitForBotMessageAsync(string userId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        => GetUser(userId).WaitForMessageAsync(timeout, cancellationToken);

    /// <summary>Waits until the bot has set its webhook (it usually does so once its server listens).</summary>
    /// <param name="timeout">The wall-clock timeout; <see cref="ViberEmulatorOptions.DefaultWaitTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The webhook URL.</returns>
    public async Task<Uri> WaitForWebhookAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        lock (_state.Gate)
        {
            if (_state.Account.Webhook is { } webhook)
            {
                return webhook;
            }
        }

        var set = await Feed.WaitAsync<WebhookChangedEvent>(e => e.Url is not null, timeout ?? Options.DefaultWaitTimeout, "setting a webhook", cancellationToken).ConfigureAwait(false);
        return set.Url!;
    }

    /// <summary>
    /// Waits until no callback is in flight (delivered, seen and failed reports, users' callbacks), retries included,
    /// for at most <see cref="ViberEmulatorOptions.DefaultWaitTimeout"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the emulator is idle.</returns>
    /// <exception cref="TimeoutException">Callbacks still ran at the deadline; the message names them and the last answers the webhook gave.</exception>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => WhenIdleAsync(Options.DefaultWaitTimeout, cancellationToken);

    /// <summary>Waits until no callback is in flight, retries included, for at most <paramref name="timeout"/> (wall clock).</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the emulator is idle.</returns>
    /// <exception cref="TimeoutException">Callbacks still ran at the deadline; the message names them and the last answers the webhook gave.</exception>
    public Task WhenIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return Background.WhenIdleAsync(timeout, () => Feed.DescribeRecent(), cancellationToken);
    }

    /// <summary>
    /// Routes callbacks through a handler instead of the network, such as a TestServer's <c>CreateHandler()</c>.
    /// The factory is called when the next callback is sent; the handler is disposed with the emulator.
    /// </summary>
    /// <param name="handlerFactory">Creates the handler.</param>
    public void UseCallbackHandler(Func<HttpMessageHandler> handlerFactory)
    {
        ArgumentNullException.ThrowIfNull(handlerFactory);
        _sender.UseHandler(handlerFactory);
    }

    /// <summary>
    /// Makes callbacks trust HTTPS webhooks whose certificate chains to <paramref name="trustedRoot"/> (such as a
    /// self-signed certificate a test made for a reverse proxy in front of the bot), instead of the machine's trusted
    /// roots. The host name is still checked against the certificate. Replaces any <see cref="UseCallbackHandler"/>.
    /// </summary>
    /// <param name="trustedRoot">The certificate to trust: the webhook's own (self-signed) or its issuing CA.</param>
    public void TrustCallbackCertificate(X509Certificate2 trustedRoot)
    {
        ArgumentNullException.ThrowIfNull(trustedRoot);
        _sender.UseHandler(() => CallbackSender.CreateDefaultHandler(trustedRoot));
    }

    /// <summary>Creates a handler that serves the fake Bot API in-process; give it to the bot's <see cref="HttpClient"/>.</summary>
    /// <param name="apiPath">The path the API is served under; <c>/pa/</c> like Viber's.</param>
    /// <returns>The handler.</returns>
    public ViberEmulatorHttpHandler CreateApiHandler(string apiPath = ViberEmulatorDefaults.ApiPath) => new(this, apiPath);

    /// <summary>Stops pending callbacks and retries, ends subscriptions and releases the HTTP clients.</summary>
    /// <returns>A task that completes when background work has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Background.StopAsync().ConfigureAwait(false);
        Background.Dispose();
        _sender.Dispose();
        Feed.Complete();
    }

    internal Task<ApiResponse> ProcessApiAsync(ApiRequest request, CancellationToken cancellationToken)
        => _api.ProcessAsync(request, cancellationToken);
}
