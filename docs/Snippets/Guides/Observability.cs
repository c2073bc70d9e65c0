#region guide-http-client-tracing
using System.Diagnostics;
using Viber.Api;

#endregion
namespace Snippets.Guides;

// docs/observability.md.
internal static class Observability
{
    public static void Logging(WebApplicationBuilder builder)
    {
        #region guide-log-levels
        builder.Logging.AddFilter("Viber.AspNetCore", LogLevel.Debug);   // every API call (ApiCall), route match (RouteMatched)
        #endregion
    }

    public static void HttpClientTracing(WebApplicationBuilder builder)
    {
        #region guide-http-client-tracing
        builder.Services.AddHttpClient(ViberBotClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
            {
                if (handler is SocketsHttpHandler sockets)
                {
                    sockets.ActivityHeadersPropagator = DistributedContextPropagator.Current;
                }
            });
        #endregion
    }
}
