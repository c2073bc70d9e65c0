using Microsoft.AspNetCore.Builder;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// The convention builder <c>MapViberWebhook()</c> returns: the webhook is served by several endpoints (its path and
/// each tail of it, see <see cref="ViberWebhookRoutes"/>), and a convention such as <c>RequireHost</c> or rate limiting
/// applies to all of them.
/// </summary>
/// <param name="builders">The endpoints' own builders.</param>
internal sealed class ViberWebhookConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
