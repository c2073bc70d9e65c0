using Microsoft.Extensions.Logging;

namespace Viber.AspNetCore.Hosting;

/// <summary>The sender fallback's logs (event id 42x, next to registration's 4xx).</summary>
internal static partial class SenderLog
{
    [LoggerMessage(420, LogLevel.Information, "Messages without a sender are sent as '{Name}', the account's name from get_account_info ({Key} is not set).", EventName = "SenderFromAccount")]
    public static partial void SenderFromAccount(ILogger logger, string name, string key);
}
