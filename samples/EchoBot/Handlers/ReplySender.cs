using Viber.Api;
using Viber.Api.Messages;

namespace EchoBot.Handlers;

/// <summary>
/// Sends a reply. A send Viber refuses for good (the user unsubscribed, a message over a limit) is logged and does not
/// fail the callback; a transient failure (rate control, network, timeout) fails it, so Viber sends it again later.
/// </summary>
internal static partial class ReplySender
{
    public static async Task SendAsync(IViberBotClient viber, ViberMessage reply, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await viber.SendMessageAsync(reply, cancellationToken);
        }
        catch (ViberException exception) when (exception is not ViberApiException { IsTransient: true })
        {
            // Retrying the callback would not change Viber's answer (receiverNotSubscribed, a message over a limit), so
            // the callback still succeeds. Status 12, HttpRequestException and TimeoutException are not caught: the
            // client has spent its own retries, the webhook answers 500, and Viber re-sends the callback later (its
            // deduplication key is released on failure, so the retry runs the handlers again).
            LogSendFailed(logger, exception, reply.Receiver);
        }
    }

    [LoggerMessage(1001, LogLevel.Warning, "Could not send a reply to {Receiver}; Viber refused it for good, so the callback is not retried.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string? receiver);
}
