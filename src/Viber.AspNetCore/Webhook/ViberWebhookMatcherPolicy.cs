using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// Drops a webhook endpoint mapped on a tail of the webhook path (see <see cref="ViberWebhookPathMetadata"/>) from a
/// request whose <c>PathBase + Path</c> is not the webhook path, so the app's own routes and fallback get it.
/// </summary>
/// <remarks>
/// Routing runs it only at the route nodes that hold such an endpoint: the app's other requests, and the webhook
/// served on its whole path, never reach it.
/// </remarks>
internal sealed class ViberWebhookMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <inheritdoc />
    public override int Order => 0;

    /// <inheritdoc />
    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<ViberWebhookPathMetadata>() is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i)
                && candidates[i].Endpoint.Metadata.GetMetadata<ViberWebhookPathMetadata>() is { } webhook
                && !webhook.Path.Matches(httpContext.Request))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
