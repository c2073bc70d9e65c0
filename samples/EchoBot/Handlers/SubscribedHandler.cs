using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace EchoBot.Handlers;

/// <summary>Thanks a user who subscribed.</summary>
public sealed class SubscribedHandler(IViberBotClient viber, ILogger<SubscribedHandler> logger) : IViberEventHandler<SubscribedCallback>
{
    /// <summary>The thank-you text.</summary>
    public const string ThankYouText = "Thank you for subscribing!";

    public async Task HandleAsync(SubscribedCallback callback, CancellationToken cancellationToken)
    {
        if (callback.User?.Id is { } userId)
        {
            await ReplySender.SendAsync(viber, new TextMessage { Receiver = userId, Text = ThankYouText }, logger, cancellationToken);
        }
    }
}
