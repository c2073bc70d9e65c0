using Viber.Api.Messages;
using Viber.Api.Requests;

namespace Viber.Api;

/// <summary>The <see cref="IViberBotClient"/> over an injected <see cref="HttpClient"/>.</summary>
public sealed class ViberBotClient : IViberBotClient
{
    /// <summary>Initializes a new instance of the <see cref="ViberBotClient"/> class.</summary>
    /// <param name="httpClient">The HTTP client (from IHttpClientFactory in ASP.NET Core).</param>
    /// <param name="options">The token, base address, default sender, retry and pacing settings.</param>
    /// <param name="timeProvider">The time source for retry delays and broadcast pacing; the system clock by default.</param>
    public ViberBotClient(HttpClient httpClient, ViberBotClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _ = timeProvider;
    }

    /// <inheritdoc />
    public Task<SetWebhookResponse> SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task RemoveWebhookAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<SendMessageResponse> SendMessageAsync(ViberMessage message, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<GetAccountInfoResponse> GetAccountInfoAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<GetUserDetailsResponse> GetUserDetailsAsync(string userId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<IReadOnlyList<UserOnlineStatus>> GetOnlineAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
