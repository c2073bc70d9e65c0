using Microsoft.Extensions.Logging;

namespace Viber.AspNetCore.Routing;

/// <summary>The router's logs (event ids 22x, next to dispatch's 2xx).</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(220, LogLevel.Debug, "Route {Route} took the Viber message {MessageToken}.", EventName = "RouteMatched")]
    public static partial void RouteMatched(ILogger logger, string route, long? messageToken);

    [LoggerMessage(221, LogLevel.Debug, "No route took the Viber {MessageType} message {MessageToken}, and there is no fallback (add one with Otherwise(...)).", EventName = "NoRouteMatched")]
    public static partial void NoRouteMatched(ILogger logger, string? messageType, long? messageToken);
}
