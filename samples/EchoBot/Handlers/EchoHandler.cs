using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace EchoBot.Handlers;

/// <summary>Echoes a text message verbatim; answers any other message with a text naming its type.</summary>
public sealed partial class EchoHandler(IViberBotClient viber, ILogger<EchoHandler> logger) : IViberEventHandler<MessageCallback>
{
    public async Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken)
    {
        var receiver = callback.Sender?.Id;
        if (receiver is null)
        {
            LogNoSender(logger, callback.MessageToken);
            return;
        }

        LogMessage(logger, callback.Message?.Type, receiver, callback.MessageToken);
        var reply = new TextMessage
        {
            Receiver = receiver,
            Text = callback.Message is TextMessage text ? text.Text : $"You sent a {callback.Message?.Type ?? "message of an unknown type"} message.",
        };
        await ReplySender.SendAsync(viber, reply, logger, cancellationToken);
    }

    // The callback's line in the log (the request log writes webhook calls that succeeded at Debug, see Program.cs).
    // Debug, as the receipts are: a console line per message through Serilog took up to a fifth of an echo's CPU in
    // the load benchmark (benchmarks/README.md), and in production the message count belongs in metrics
    // (viber.callbacks.received), not in a line per user message. appsettings.Development.json shows it during
    // development; Serilog__MinimumLevel__Override__EchoBot.Handlers.EchoHandler=Debug shows it anywhere.
    [LoggerMessage(1002, LogLevel.Debug, "Viber message: {MessageType} from user {UserId}, message {MessageToken}.")]
    private static partial void LogMessage(ILogger logger, string? messageType, string userId, long? messageToken);

    [LoggerMessage(1000, LogLevel.Warning, "Message {MessageToken} has no sender id; nothing to reply to.")]
    private static partial void LogNoSender(ILogger logger, long? messageToken);
}
