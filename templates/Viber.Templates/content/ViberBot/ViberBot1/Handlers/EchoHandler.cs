using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace ViberBot1.Handlers;

/// <summary>Echoes a text message; answers any other message with a text naming its type.</summary>
public sealed partial class EchoHandler(IViberBotClient viber, ILogger<EchoHandler> logger) : IViberEventHandler<MessageCallback>
{
    /// <inheritdoc />
    public async Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Sender?.Id is not { } receiver)
        {
            return;
        }

        var reply = new TextMessage
        {
            Receiver = receiver,
            Text = callback.Message is TextMessage text ? text.Text : $"You sent a {callback.Message?.Type ?? "message of an unknown type"} message.",
        };
        try
        {
            await viber.SendMessageAsync(reply, cancellationToken);
        }
        catch (ViberException exception) when (exception is not ViberApiException { IsTransient: true })
        {
            // Refused for good (the user unsubscribed, a message over a limit): a retry would get the same answer, so
            // the callback succeeds. Transient failures propagate: the webhook answers 500 and Viber retries later.
            LogSendRefused(logger, exception, receiver);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Viber refused the reply to {Receiver}; the callback is not retried.")]
    private static partial void LogSendRefused(ILogger logger, Exception exception, string receiver);
}
