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
}
