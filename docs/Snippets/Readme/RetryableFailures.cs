#region retryable-failures
using Viber.Api;

#endregion
using Viber.Api.Messages;

namespace Snippets.Readme;

// README "Failures that Viber should retry".
internal static class RetryableFailures
{
    public static async Task SendAsync(IViberBotClient viber, TextMessage reply, ILogger logger, CancellationToken cancellationToken)
    {
        #region retryable-failures
        try
        {
            await viber.SendMessageAsync(reply, cancellationToken);
        }
        catch (ViberException exception) when (exception is not ViberApiException { IsTransient: true })
        {
            // receiverNotSubscribed, receiverNotRegistered, a message over a limit: a retry gets the same answer.
            logger.LogWarning(exception, "Could not send a reply to {Receiver}.", reply.Receiver);
        }
        // Status 12, HttpRequestException and TimeoutException propagate: 500 now, handled again on Viber's retry.
        #endregion
    }
}
