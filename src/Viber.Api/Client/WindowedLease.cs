using System.Threading.RateLimiting;

namespace Viber.Api.Client;

/// <summary>
/// A granted <see cref="ViberBroadcastRateLimiter"/> permit: disposing it (when the request's answer came, or the
/// request failed) starts the permit's last window; the underlying permit returns one window later.
/// </summary>
internal sealed class WindowedLease(RateLimitLease permit, TimeSpan window, TimeProvider timeProvider) : RateLimitLease
{
    private int _disposed;

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

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = ReturnAfterWindowAsync();
        }

        base.Dispose(disposing);
    }

    private async Task ReturnAfterWindowAsync()
    {
        using (permit)
        {
            await Task.Delay(window, timeProvider).ConfigureAwait(false);
        }
    }
}
