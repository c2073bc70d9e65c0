using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Viber.AspNetCore.Hosting;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore;

/// <summary>Serves the Viber webhook in an ASP.NET Core app.</summary>
public static class ViberWebhookExtensions
{
    private const string DisplayName = "Viber webhook";

    /// <summary>
    /// Maps the webhook (all methods: POST is handled, others get 405). Chain endpoint conventions on the
    /// result, such as <c>RequireHost</c> or rate limiting.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Without <paramref name="pattern"/> the webhook serves requests whose full path (<c>PathBase + Path</c>) or
    /// path equals <c>Viber:WebhookPath</c>, so a path base set by <c>UsePathBase</c> or by the ForwardedHeaders
    /// middleware from <c>X-Forwarded-Prefix</c> is honoured. Routing must then run after that middleware: call
    /// <c>app.UseRouting()</c> after <c>app.UseForwardedHeaders()</c> (<c>UsePathBase</c> re-runs routing itself).
    /// </para>
    /// <para>
    /// It is mapped as literal routes: the webhook path, and each tail of it (/viber/webhook and /webhook for
    /// /bot/viber/webhook), which serves only a request whose path base completes the webhook path and otherwise
    /// leaves the request to the app's routes. Conventions chained on the result apply to all of them; a name given
    /// with <c>WithName</c> names the whole path.
    /// </para>
    /// </remarks>
    /// <param name="endpoints">The endpoint route builder (the app).</param>
    /// <param name="pattern">
    /// A route pattern to serve the webhook on instead, matched against <c>Path</c> like any other route.
    /// </param>
    /// <returns>The convention builder of the webhook's endpoints.</returns>
    /// <exception cref="InvalidOperationException"><c>AddViberBot()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapViberWebhook(this IEndpointRouteBuilder endpoints, string? pattern = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = GetHandler(endpoints.ServiceProvider, nameof(MapViberWebhook));

        // No IRequestSizeLimitMetadata: the handler applies Viber:MaxRequestBodySize itself, on every server, while
        // routing would log a warning per request on servers without the size feature (TestServer, in users' tests).
        if (pattern is not null)
        {
            return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName(DisplayName);
        }

        // One pattern would be compared with Path alone, which lacks the path base a proxy's prefix becomes.
        return ViberWebhookRoutes.Map(endpoints, new ViberWebhookPath(handler.WebhookPath), handler.HandleAsync, DisplayName);
    }

    /// <summary>
    /// Adds middleware that serves the webhook on <c>Viber:WebhookPath</c> and passes every other request on.
    /// Use it where endpoint routing is not used; otherwise prefer <see cref="MapViberWebhook"/>.
    /// </summary>
    /// <remarks>
    /// A request is the webhook's when its full path (<c>PathBase + Path</c>) or its path equals
    /// <c>Viber:WebhookPath</c>: add it after <c>UsePathBase</c> or <c>UseForwardedHeaders</c> (with
    /// <c>ForwardedHeaders.XForwardedPrefix</c>) when a proxy strips a prefix of the public URL.
    /// </remarks>
    /// <param name="app">The application builder.</param>
    /// <returns>The application builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddViberBot()</c> was not called.</exception>
    public static IApplicationBuilder UseViberWebhook(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var handler = GetHandler(app.ApplicationServices, nameof(UseViberWebhook));
        var path = new ViberWebhookPath(handler.WebhookPath);
        return app.Use(next => context => path.Matches(context.Request)
            ? handler.HandleAsync(context)
            : next(context));
    }

    private static ViberWebhookRequestHandler GetHandler(IServiceProvider services, string caller)
    {
        if (services.GetService<ViberBotMarkerService>() is null)
        {
            throw new InvalidOperationException(
                $"Unable to find the Viber bot services. Call services.AddViberBot(...) (for example builder.Services.AddViberBot(builder.Configuration.GetSection(\"Viber\"))) before calling {caller}().");
        }

        return services.GetRequiredService<ViberWebhookRequestHandler>();
    }
}
