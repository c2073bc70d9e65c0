using System.Collections.Concurrent;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;

/// <summary>
/// A Bot API that never leaves the process: get_account_info names the account (the smoke sets no
/// Viber:Sender:Name, so the start takes the sender from it) and send_message records what the routes reply.
/// </summary>
internal sealed class SmokeViberClient : IViberBotClient
{
    public const string AccountName = "AOT Smoke Account";

    public ConcurrentQueue<ViberMessage> Sent { get; } = new();

    public TaskCompletionSource FirstSend { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<GetAccountInfoResponse> GetAccountInfoAsync(CancellationToken cancellationToken = default)
        => Task.FromResult(new GetAccountInfoResponse { Status = ViberStatus.Ok, StatusMessage = "ok", Id = "pa:aot", Name = AccountName });

    public Task<SendMessageResponse> SendMessageAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(message);
        FirstSend.TrySetResult();
        return Task.FromResult(new SendMessageResponse { Status = ViberStatus.Ok, StatusMessage = "ok", MessageToken = Sent.Count });
    }

    public Task<SetWebhookResponse> SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The smoke does not register a webhook.");

    public Task RemoveWebhookAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The smoke does not register a webhook.");

    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The smoke does not broadcast.");

    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, ViberBroadcastOptions? options, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The smoke does not broadcast.");

    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IAsyncEnumerable<string> receivers, ViberBroadcastOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The smoke does not broadcast.");

    public Task<GetUserDetailsResponse> GetUserDetailsAsync(string userId, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The smoke asks for no user details.");

    public Task<IReadOnlyList<UserOnlineStatus>> GetOnlineAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The smoke asks for no online status.");
}
