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
            _ = ReturnAfterWindowAsync(timeProvider.GetTimestamp());
        }

        base.Dispose(disposing);
    }

    private async Task ReturnAfterWindowAsync(long disposedAt)
    {
        using (permit)
        {
            // A timer can fire up to a millisecond early, and a permit back a moment too soon is a request Viber counts
            // in the previous window (seen as status 12 at the emulator's limit): the window is measured on the clock.
            for (var left = window; left > TimeSpan.Zero; left = window - timeProvider.GetElapsedTime(disposedAt))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), timeProvider).ConfigureAwait(false);
            }
        }
    }
}
