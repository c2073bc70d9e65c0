using System.Collections.Concurrent;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;

namespace Viber.Testing;

/// <summary>
/// An <see cref="IViberBotClient"/> for unit and integration tests that records every call and answers with a
/// behaviour each test can replace (a failing send, a set_webhook that calls the webhook back as Viber does).
/// Register it in place of the real client to test handlers without the emulator or any HTTP.
/// </summary>
/// <remarks>
/// Every wait is bounded (<see cref="WaitTimeout"/>, 30 seconds by default) and its timeout message says what was
/// recorded, so a test that expects a call that never comes fails quickly and explains itself.
/// </remarks>
public sealed class RecordingViberBotClient : IViberBotClient, IDisposable
{
    private readonly SemaphoreSlim _sentSignal = new(0);
    private readonly SemaphoreSlim _setWebhookSignal = new(0);
    private int _removeWebhookCalls;

    /// <summary>Gets the messages sent with send_message, in order (also those whose behaviour threw).</summary>
    public ConcurrentQueue<ViberMessage> Sent { get; } = new();

    /// <summary>Gets the broadcasts, in order, each with its receivers.</summary>
    public ConcurrentQueue<RecordedBroadcast> Broadcasts { get; } = new();

    /// <summary>Gets the set_webhook requests, in order.</summary>
    public ConcurrentQueue<SetWebhookRequest> WebhookRequests { get; } = new();

    /// <summary>Gets the user ids asked for with get_user_details, in order.</summary>
    public ConcurrentQueue<string> UserDetailsRequests { get; } = new();

    /// <summary>Gets how many times the webhook was removed.</summary>
    public int RemoveWebhookCalls => Volatile.Read(ref _removeWebhookCalls);

    /// <summary>Gets or sets how long a wait lasts before it fails; 30 seconds by default.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets what send_message does after recording; succeeds with a message token by default.</summary>
    public Func<ViberMessage, CancellationToken, Task<SendMessageResponse>> OnSendMessage { get; set; }
        = (_, _) => Task.FromResult(new SendMessageResponse { Status = ViberStatus.Ok, StatusMessage = "ok", MessageToken = 1 });

    /// <summary>Gets or sets what set_webhook does after recording; confirms the requested events (or delivered and seen) by default.</summary>
    public Func<SetWebhookRequest, CancellationToken, Task<SetWebhookResponse>> OnSetWebhook { get; set; }
        = (request, _) => Task.FromResult(new SetWebhookResponse
        {
            Status = ViberStatus.Ok,
            StatusMessage = "ok",
            EventTypes = request.EventTypes ?? [ViberEventType.Delivered, ViberEventType.Seen],
        });

    /// <summary>Gets or sets what broadcast_message does after recording; reaches every receiver by default.</summary>
    public Func<RecordedBroadcast, CancellationToken, Task<BroadcastResult>> OnBroadcastMessage { get; set; }
        = (broadcast, _) => Task.FromResult(new BroadcastResult { ReceiverCount = broadcast.Receivers.Count });

    /// <summary>Gets or sets what get_account_info answers; a bot named "Test Bot" by default.</summary>
    public Func<CancellationToken, Task<GetAccountInfoResponse>> OnGetAccountInfo { get; set; }
        = _ => Task.FromResult(new GetAccountInfoResponse { Status = ViberStatus.Ok, StatusMessage = "ok", Id = "pa:test", Name = "Test Bot" });

    /// <summary>Gets or sets what get_user_details answers; by default Viber's answer for an unknown user (status 6, receiver not subscribed).</summary>
    public Func<string, CancellationToken, Task<GetUserDetailsResponse>> OnGetUserDetails { get; set; }
        = (userId, _) => Task.FromException<GetUserDetailsResponse>(
            new ViberApiException("get_user_details", ViberStatus.ReceiverNotSubscribed, $"No user details are recorded for '{userId}'."));

    /// <summary>Gets or sets what get_online answers; every user offline by default.</summary>
    public Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<UserOnlineStatus>>> OnGetOnline { get; set; }
        = (userIds, _) => Task.FromResult<IReadOnlyList<UserOnlineStatus>>(
            [.. userIds.Select(id => new UserOnlineStatus { Id = id, OnlineStatus = OnlineStatus.Offline })]);

    /// <inheritdoc/>
    public Task<SendMessageResponse> SendMessageAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RecordAsync(() => OnSendMessage(message, cancellationToken), () => Sent.Enqueue(message), _sentSignal);
    }

    /// <inheritdoc/>
    public Task<SetWebhookResponse> SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RecordAsync(() => OnSetWebhook(request, cancellationToken), () => WebhookRequests.Enqueue(request), _setWebhookSignal);
    }

    /// <inheritdoc/>
    public Task RemoveWebhookAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _removeWebhookCalls);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, CancellationToken cancellationToken = default)
        => BroadcastMessageAsync(message, receivers, null, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Records the broadcast with its receivers (read whole: a test's lists are small), runs
    /// <see cref="OnBroadcastMessage"/>, and reports the outcome to <see cref="ViberBroadcastOptions.Progress"/> once,
    /// as the last report of a real broadcast would read, so code that shows progress can be tested.
    /// </remarks>
    public async Task<BroadcastResult> BroadcastMessageAsync(
        ViberMessage message, IEnumerable<string> receivers, ViberBroadcastOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(receivers);
        return await RecordBroadcastAsync(new RecordedBroadcast(message, [.. receivers]) { Options = options }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>As the <see cref="IEnumerable{T}"/> overload, after reading the stream whole.</remarks>
    public async Task<BroadcastResult> BroadcastMessageAsync(
        ViberMessage message, IAsyncEnumerable<string> receivers, ViberBroadcastOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(receivers);
        var list = new List<string>();
        await foreach (var receiver in receivers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(receiver);
        }

        return await RecordBroadcastAsync(new RecordedBroadcast(message, list) { Options = options }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<GetAccountInfoResponse> GetAccountInfoAsync(CancellationToken cancellationToken = default) => OnGetAccountInfo(cancellationToken);

    /// <inheritdoc/>
    public Task<GetUserDetailsResponse> GetUserDetailsAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        UserDetailsRequests.Enqueue(userId);
        return OnGetUserDetails(userId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<UserOnlineStatus>> GetOnlineAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        return OnGetOnline([.. userIds], cancellationToken);
    }

    /// <summary>Waits until <paramref name="count"/> more send_message calls have finished (counting from the last wait).</summary>
    /// <param name="count">How many calls to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the calls have finished.</returns>
    /// <exception cref="TimeoutException">Fewer calls within <see cref="WaitTimeout"/>; the message lists what was sent.</exception>
    public Task WaitForSentAsync(int count = 1, CancellationToken cancellationToken = default)
        => WaitAsync(_sentSignal, count, "send_message", () => string.Join(", ", Sent.Select(m => $"{m.Type} to {m.Receiver}")), cancellationToken);

    /// <summary>Waits until <paramref name="count"/> more set_webhook calls have finished.</summary>
    /// <param name="count">How many calls to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the calls have finished.</returns>
    /// <exception cref="TimeoutException">Fewer calls within <see cref="WaitTimeout"/>.</exception>
    public Task WaitForSetWebhookAsync(int count = 1, CancellationToken cancellationToken = default)
        => WaitAsync(_setWebhookSignal, count, "set_webhook", () => string.Join(", ", WebhookRequests.Select(r => r.Url)), cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        _sentSignal.Dispose();
        _setWebhookSignal.Dispose();
    }

    private async Task<BroadcastResult> RecordBroadcastAsync(RecordedBroadcast broadcast, CancellationToken cancellationToken)
    {
        Broadcasts.Enqueue(broadcast);
        var result = await OnBroadcastMessage(broadcast, cancellationToken).ConfigureAwait(false);
        broadcast.Options?.Progress?.Report(new ViberBroadcastProgress
        {
            Succeeded = result.SucceededCount,
            Failed = result.Failed.Count,
            Requests = (broadcast.Receivers.Count + ViberBotClient.MaxBroadcastReceiversPerRequest - 1) / ViberBotClient.MaxBroadcastReceiversPerRequest,
            TotalReceivers = broadcast.Options.ReceiverCount ?? broadcast.Receivers.Count,
            EstimatedTimeLeft = TimeSpan.Zero,
        });
        return result;
    }

    /// <summary>Runs the behaviour, then records the call and signals it, whether the behaviour threw or not.</summary>
    private static async Task<TResponse> RecordAsync<TResponse>(Func<Task<TResponse>> behaviour, Action record, SemaphoreSlim signal)
    {
        try
        {
            return await behaviour().ConfigureAwait(false);
        }
        finally
        {
            record();
            signal.Release();
        }
    }

    private async Task WaitAsync(SemaphoreSlim signal, int count, string method, Func<string> recorded, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        for (var i = 0; i < count; i++)
        {
            if (!await signal.WaitAsync(WaitTimeout, cancellationToken).ConfigureAwait(false))
            {
                var seen = recorded();
                throw new TimeoutException(
                    $"Waited {WaitTimeout.TotalSeconds:0.###} s for {method} call {i + 1} of {count}; recorded so far: {(seen.Length == 0 ? "none" : seen)}.");
            }
        }
    }
}
