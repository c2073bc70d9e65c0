using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>A deduplication store whose backend is down, as a shared store (Redis) can be.</summary>
public sealed class UnavailableDeduplicationStore : IViberDeduplicationStore
{
    public ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
        => throw new IOException("The deduplication backend is unreachable.");

    public ValueTask<bool> CompleteAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
        => throw new IOException("The deduplication backend is unreachable.");

    public ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken)
        => throw new IOException("The deduplication backend is unreachable.");
}
