using System.Threading.RateLimiting;

namespace Viber.Api.Client;

/// <summary>A granted lease whose permits are returned by the limiter on its own schedule, so disposing it does nothing.</summary>
internal sealed class AcquiredLease : RateLimitLease
{
    private AcquiredLease()
    {
    }

    /// <summary>Gets the shared instance.</summary>
    public static AcquiredLease Instance { get; } = new();

    /// <inheritdoc />
    public override bool IsAcquired => true;

    /// <inheritdoc />
    public override IEnumerable<string> MetadataNames => [];

    /// <inheritdoc />
    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
