using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Viber.AspNetCore.Hosting;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore;

/// <summary>Serves the Viber webhook in an ASP.NET Core app.</summary>
public static class ViberWebhookExtensions
{
    /// <summary>
    /// Maps the webhook endpoint (all methods: POST is handled, others get 405). Chain endpoint conventions on the
    /// result, such as <c>RequireHost</c> or rate limiting.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (the app).</param>
    /// <param name="pattern">The route pattern; <c>Viber:WebhookPath</c> by default.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddViberBot()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapViberWebhook(this IEndpointRouteBuilder endpoints, string? pattern = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = GetHandler(endpoints.ServiceProvider, nameof(MapViberWebhook));
        // No IRequestSizeLimitMetadata: the handler applies Viber:MaxRequestBodySize itself, on every server, while
        // routing would log a warning per request on servers without the size feature (TestServer, in users' tests).
        return endpoints.Map(pattern ?? handler.WebhookPath, handler.HandleAsync)
            .WithDisplayName("Viber webhook");
    }

    /// <summary>
    /// Adds middleware that serves the webhook on <c>Viber:WebhookPath</c> and passes every other request on.
    /// Use it where endpoint routing is not used; otherwise prefer <see cref="MapViberWebhook"/>.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The application builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddViberBot()</c> was not called.</exception>
    public static IApplicationBuilder UseViberWebhook(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var handler = GetHandler(app.ApplicationServices, nameof(UseViberWebhook));
        var path = new PathString(handler.WebhookPath);
        return app.Use(next => context => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)
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
