using Viber.Api;
using Viber.Api.Messages;

namespace EchoBot.Handlers;

/// <summary>Sends a reply; a send Viber refuses (the user unsubscribed, say) is logged and does not fail the callback.</summary>
internal static partial class ReplySender
{
    public static async Task SendAsync(IViberBotClient viber, ViberMessage reply, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await viber.SendMessageAsync(reply, cancellationToken);
        }
        catch (ViberException exception)
        {
            // Retrying the callback would not change Viber's answer (receiverNotSubscribed, a message over a limit),
            // so the callback still succeeds; network failures are not caught and make Viber retry it.
            LogSendFailed(logger, exception, reply.Receiver);
        }
    }

    [LoggerMessage(1001, LogLevel.Warning, "Could not send a reply to {Receiver}.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string? receiver);
}
