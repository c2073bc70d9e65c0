using Microsoft.AspNetCore.Http.Metadata;

namespace Viber.AspNetCore.Webhook;

/// <summary>Tells the server and tools the webhook endpoint's body limit (<c>Viber:MaxRequestBodySize</c>).</summary>
internal sealed class ViberRequestSizeLimitMetadata(long maxRequestBodySize) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxRequestBodySize;
}
