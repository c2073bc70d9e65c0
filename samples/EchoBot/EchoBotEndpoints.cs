namespace EchoBot;

/// <summary>Names of the sample's endpoints, for the code that treats one of them apart (the request log).</summary>
public static class EchoBotEndpoints
{
    /// <summary>The endpoint name of the Viber webhook.</summary>
    public const string Webhook = "viber-webhook";

    /// <summary>Tells whether a request was routed to the Viber webhook.</summary>
    /// <param name="context">The request.</param>
    /// <returns><see langword="true"/> for the webhook's requests.</returns>
    public static bool IsWebhook(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == Webhook;
}
