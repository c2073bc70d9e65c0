using Microsoft.Extensions.Logging;

namespace Viber.AspNetCore.Redis.Diagnostics;

/// <summary>
/// Every log the Redis package writes, with stable event ids (6xx, after the 1xx-5xx of Viber.AspNetCore). Never
/// logs the configuration string: it may hold a password.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(600, LogLevel.Information, "Connected to Redis at {EndPoints} for Viber callback deduplication.", EventName = "RedisConnected")]
    public static partial void Connected(ILogger logger, string endPoints);

    [LoggerMessage(601, LogLevel.Warning, "Could not connect to Redis at {EndPoints} yet; the client keeps trying in the background, and callbacks are answered 503 until it succeeds.", EventName = "RedisNotConnectedYet")]
    public static partial void NotConnectedYet(ILogger logger, string endPoints);

    [LoggerMessage(602, LogLevel.Error, "Lost the Redis connection to {EndPoint} ({FailureType}); callbacks are answered 503 until it is restored.", EventName = "RedisConnectionLost")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception, string endPoint, string failureType);

    [LoggerMessage(603, LogLevel.Information, "Restored the Redis connection to {EndPoint}.", EventName = "RedisConnectionRestored")]
    public static partial void ConnectionRestored(ILogger logger, string endPoint);

    [LoggerMessage(604, LogLevel.Warning, "Renewing a held conversation lock in Redis failed; it is tried again while the lease (Viber:Redis:ConversationLockLease) lasts.", EventName = "ConversationLockRenewalFailed")]
    public static partial void ConversationLockRenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(605, LogLevel.Error, "A held conversation lock expired in Redis before it was released (its renewals failed for longer than Viber:Redis:ConversationLockLease), so another handler may have taken the user's conversation meanwhile.", EventName = "ConversationLockLost")]
    public static partial void ConversationLockLost(ILogger logger, Exception? exception);

    [LoggerMessage(606, LogLevel.Warning, "Releasing a conversation lock in Redis failed; it frees itself when its lease (Viber:Redis:ConversationLockLease) runs out, and the user's next handler waits until then.", EventName = "ConversationLockReleaseFailed")]
    public static partial void ConversationLockReleaseFailed(ILogger logger, Exception exception);
}
