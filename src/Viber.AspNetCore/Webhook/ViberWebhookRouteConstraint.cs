using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// Lets <c>MapViberWebhook()</c>'s catch-all route match only the webhook's path (see <see cref="ViberWebhookPath"/>):
/// a literal route pattern is compared with <c>Path</c> alone, so it could not also match the full path when the app
/// has a path base. Never matches when generating links.
/// </summary>
/// <param name="path">The webhook path.</param>
internal sealed class ViberWebhookRouteConstraint(ViberWebhookPath path) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        => routeDirection == RouteDirection.IncomingRequest && httpContext is not null && path.Matches(httpContext.Request);
}
