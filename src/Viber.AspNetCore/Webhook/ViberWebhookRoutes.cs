using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// Maps the webhook on literal routes, so that a path base set by <c>UsePathBase</c> or by a proxy's
/// <c>X-Forwarded-Prefix</c> is honoured at no cost to the app's other requests.
/// </summary>
/// <remarks>
/// The webhook path (say /bot/viber/webhook) is served as any route is; each shorter tail of it (/viber/webhook,
/// /webhook) serves only a request whose <c>PathBase + Path</c> is the whole path, which
/// <see cref="ViberWebhookMatcherPolicy"/> checks. One catch-all route constrained to the webhook path did the same,
/// but made routing capture the path into route values and run the constraint for every request of the app.
/// </remarks>
internal static class ViberWebhookRoutes
{
    /// <summary>Maps the webhook's endpoints.</summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="path">The webhook path.</param>
    /// <param name="handler">The webhook's request handler.</param>
    /// <param name="displayName">The endpoints' display name.</param>
    /// <returns>A convention builder for all of them.</returns>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, ViberWebhookPath path, RequestDelegate handler, string displayName)
    {
        var segments = path.Value.Split('/', StringSplitOptions.RemoveEmptyEntries);

        // A path that routing would not read as written (a trailing or a doubled slash) is checked on every endpoint.
        var literal = "/" + string.Join('/', segments) == path.Value;
        var metadata = new ViberWebhookPathMetadata(path);
        var builders = new List<IEndpointConventionBuilder>(segments.Length + 1);
        for (var start = 0; start < Math.Max(segments.Length, 1); start++)
        {
            // Order -1: on the webhook's own path it wins over the app's catch-all routes and fallback.
            var route = RoutePatternFactory.Pattern(segments[start..].Select(s => RoutePatternFactory.Segment(RoutePatternFactory.LiteralPart(s))));
            var builder = endpoints.Map(route, handler).WithDisplayName(displayName).WithOrder(-1);
            if (start > 0 || !literal)
            {
                builder.WithMetadata(metadata);
            }

            if (start > 0)
            {
                // A name given to the webhook (WithName) names its whole path: link generation points there, and a
                // name must be unique among endpoints.
                builder.Finally(static endpoint => RemoveNames(endpoint.Metadata));
            }

            builders.Add(builder);
        }

        return new ViberWebhookConventionBuilder(builders);
    }

    private static void RemoveNames(IList<object> metadata)
    {
        for (var i = metadata.Count - 1; i >= 0; i--)
        {
            if (metadata[i] is IEndpointNameMetadata or IRouteNameMetadata)
            {
                metadata.RemoveAt(i);
            }
        }
    }
}
