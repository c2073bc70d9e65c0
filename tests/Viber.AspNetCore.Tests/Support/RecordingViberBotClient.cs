using System.Collections.Concurrent;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>
/// A fake <see cref="IViberBotClient"/> that records what the bot sends; behaviours can be swapped per test
/// (failing sends, a set_webhook that calls the webhook back like Viber does).
/// </summary>
public sealed class RecordingViberBotClient : IViberBotClient, IDisposable
{
    private readonly SemaphoreSlim _sentSignal = new(0);
    private readonly SemaphoreSlim _setWebhookSignal = new(0);
    private int _removeWebhookCalls;

    /// <summary>Gets the messages sent with send_message, in order.</summary>
    public ConcurrentQueue<ViberMessage> Sent { get; } = new();

    /// <summary>Gets the set_webhook requests, in order.</summary>
    public ConcurrentQueue<SetWebhookRequest> WebhookRequests { get; } = new();

    /// <summary>Gets how many times the webhook was removed.</summary>
    public int RemoveWebhookCalls => Volatile.Read(ref _removeWebhookCalls);

    /// <summary>Gets or sets what send_message does after recording; succeeds by default.</summary>
    public Func<ViberMessage, CancellationToken, Task<SendMessageResponse>> OnSendMessage { get; set; }
        = (_, _) => Task.FromResult(new SendMessageResponse { Status = ViberStatus.Ok, StatusMessage = "ok", MessageToken = 1 });

    /// <summary>Gets or sets what set_webhook does after recording; confirms every event by default.</summary>
    public Func<SetWebhookRequest, CancellationToken, Task<SetWebhookResponse>> OnSetWebhook { get; set; }
        = (request, _) => Task.FromResult(new SetWebhookResponse
        {
            Status = ViberStatus.Ok,
            StatusMessage = "ok",
            EventTypes = request.EventTypes ?? [ViberEventType.Delivered, ViberEventType.Seen],
        });

    public Task<SendMessageResponse> SendMessageAsync(ViberMessage message, CancellationToken cancellationToken = default)
        => RecordAsync(message, OnSendMessage, Sent, _sentSignal, cancellationToken);

    public Task<SetWebhookResponse> SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default)
        => RecordAsync(request, OnSetWebhook, WebhookRequests, _setWebhookSignal, cancellationToken);

    public Task RemoveWebhookAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _removeWebhookCalls);
        return Task.CompletedTask;
    }

    /// <summary>Waits until <paramref name="count"/> more send_message calls finished (counting from the last wait).</summary>
    public Task WaitForSentAsync(int count = 1) => Waits.ForAsync(_sentSignal, count);

    /// <summary>Waits until <paramref name="count"/> more set_webhook calls finished.</summary>
    public Task WaitForSetWebhookAsync(int count = 1) => Waits.ForAsync(_setWebhookSignal, count);

    public void Dispose()
    {
        _sentSignal.Dispose();
        _setWebhookSignal.Dispose();
    }

    /// <summary>Runs the behaviour, then records the call and signals it, whether the behaviour threw or not.</summary>
    private static async Task<TResponse> RecordAsync<TRequest, TResponse>(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> behaviour,
        ConcurrentQueue<TRequest> record,
        SemaphoreSlim signal,
        CancellationToken cancellationToken)
    {
        try
        {
            return await behaviour(request, cancellationToken);
        }
        finally
        {
            record.Enqueue(request);
            signal.Release();
        }
    }

    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The webhook tests do not broadcast.");

    public Task<GetAccountInfoResponse> GetAccountInfoAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The webhook tests do not read account info.");

    public Task<GetUserDetailsResponse> GetUserDetailsAsync(string userId, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The webhook tests do not read user details.");

    public Task<IReadOnlyList<UserOnlineStatus>> GetOnlineAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The webhook tests do not read online status.");
}
