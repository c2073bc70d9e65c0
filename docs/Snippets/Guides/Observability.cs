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
}
