using Microsoft.Extensions.Logging;

namespace Viber.Emulator.Internal;

/// <summary>The emulator's log messages. The auth token is never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "ApiCall", Level = LogLevel.Debug, Message = "Bot API {Method} answered status {Status} ({StatusMessage})")]
    public static partial void ApiCall(ILogger logger, string method, int? status, string? statusMessage);

    [LoggerMessage(EventId = 2, EventName = "CallbackFailed", Level = LogLevel.Information, Message = "Callback {EventType} attempt {Attempt} to the webhook failed: HTTP {HttpStatus} {Error}")]
    public static partial void CallbackFailed(ILogger logger, string eventType, int attempt, int? httpStatus, string? error);

    [LoggerMessage(EventId = 3, EventName = "CallbackGaveUp", Level = LogLevel.Warning, Message = "Callback {EventType} was never answered with 200 after {Attempts} attempts")]
    public static partial void CallbackGaveUp(ILogger logger, string eventType, int attempts);

    [LoggerMessage(EventId = 4, EventName = "BackgroundFailure", Level = LogLevel.Error, Message = "Emulator background work {Operation} failed")]
    public static partial void BackgroundFailure(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "BackgroundCancelled", Level = LogLevel.Debug, Message = "Emulator background work {Operation} was cancelled because the emulator is stopping")]
    public static partial void BackgroundCancelled(ILogger logger, string operation);
}
