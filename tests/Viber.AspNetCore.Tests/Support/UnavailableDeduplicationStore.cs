using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>A deduplication store whose backend is down, as a shared store (Redis) can be.</summary>
public sealed class UnavailableDeduplicationStore : IViberDeduplicationStore
{
    public ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
        => throw new IOException("The deduplication backend is unreachable.");

    public ValueTask CompleteAsync(string key, TimeSpan window, CancellationToken cancellationToken)
        => throw new IOException("The deduplication backend is unreachable.");

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
        => throw new IOException("The deduplication backend is unreachable.");
}
