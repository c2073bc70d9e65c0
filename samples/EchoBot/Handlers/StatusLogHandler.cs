using Viber.Api.Callbacks;
using Viber.AspNetCore;

namespace EchoBot.Handlers;

/// <summary>
/// Logs the callbacks the bot does not answer: unsubscribed, failed and unknown events at Information or Warning,
/// delivered and seen receipts at Debug.
/// </summary>
public sealed partial class StatusLogHandler(ILogger<StatusLogHandler> logger)
    : IViberEventHandler<UnsubscribedCallback>,
      IViberEventHandler<DeliveredCallback>,
      IViberEventHandler<SeenCallback>,
      IViberEventHandler<FailedCallback>,
      IViberEventHandler<UnknownCallback>
{
    public Task HandleAsync(UnsubscribedCallback callback, CancellationToken cancellationToken)
        => Logged(() => LogUserEvent(logger, callback.Event, callback.UserId, callback.MessageToken));

    public Task HandleAsync(DeliveredCallback callback, CancellationToken cancellationToken)
        => Logged(() => LogReceipt(logger, callback.Event, callback.UserId, callback.MessageToken));

    public Task HandleAsync(SeenCallback callback, CancellationToken cancellationToken)
        => Logged(() => LogReceipt(logger, callback.Event, callback.UserId, callback.MessageToken));

    public Task HandleAsync(FailedCallback callback, CancellationToken cancellationToken)
        => Logged(() => LogFailed(logger, callback.UserId, callback.MessageToken, callback.Description));

    public Task HandleAsync(UnknownCallback callback, CancellationToken cancellationToken)
        => Logged(() => LogUnknown(logger, callback.Event));

    private static Task Logged(Action log)
    {
        log();
        return Task.CompletedTask;
    }

    [LoggerMessage(1100, LogLevel.Information, "Viber {Event}: user {UserId}, message {MessageToken}.")]
    private static partial void LogUserEvent(ILogger logger, string @event, string? userId, long? messageToken);

    // Debug: Viber sends a delivered per device and a seen for every message, so at Information these receipts would
    // outnumber every other line (and writing a console line per callback costs more CPU than handling it).
    [LoggerMessage(1103, LogLevel.Debug, "Viber {Event}: user {UserId}, message {MessageToken}.")]
    private static partial void LogReceipt(ILogger logger, string @event, string? userId, long? messageToken);

    [LoggerMessage(1101, LogLevel.Warning, "Viber failed: message {MessageToken} to user {UserId} failed on the device: {Description}.")]
    private static partial void LogFailed(ILogger logger, string? userId, long? messageToken, string? description);

    [LoggerMessage(1102, LogLevel.Information, "Viber sent an event this bot does not know: {Event}.")]
    private static partial void LogUnknown(ILogger logger, string @event);
}
