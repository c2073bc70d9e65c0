using System.Threading.RateLimiting;

namespace Viber.Api.Client;

/// <summary>
/// A rate limiter for Viber's broadcast limit (500 broadcast_message requests per 10 s): at most
/// <c>permitsPerWindow</c> permits in any window, not just in aligned ones. Each permit counts from when it is
/// acquired until one window later, whatever happens to its lease, and comes back by a delay on the given
/// <see cref="TimeProvider"/>, so the pacing follows a fake clock in tests. Share one instance between the clients
/// of a bot so all their broadcasts share the budget.
/// </summary>
/// <remarks>
/// The BCL's window and token-bucket limiters would fit, but they check elapsed time on the real Stopwatch even when
/// replenished by hand, so they cannot follow a <see cref="TimeProvider"/>. This one counts with a
/// <see cref="ConcurrencyLimiter"/>, which has no clock of its own.
/// </remarks>
public sealed class ViberBroadcastRateLimiter : RateLimiter
{
    private readonly ConcurrencyLimiter _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="ViberBroadcastRateLimiter"/> class.</summary>
    /// <param name="permitsPerWindow">The permits allowed in any window, such as 500.</param>
    /// <param name="window">The window, such as 10 seconds.</param>
    /// <param name="timeProvider">The clock that returns the permits; the system clock by default.</param>
    public ViberBroadcastRateLimiter(int permitsPerWindow, TimeSpan window, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _window = window;
        _timeProvider = timeProvider ?? TimeProvider.System;

        // Waiters are served in order and never turned away: a broadcast waits for the window rather than failing.
        _permits = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permitsPerWindow,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => _permits.IdleDuration;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => _permits.GetStatistics();

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Hold(_permits.AttemptAcquire(permitCount), permitCount);

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        => Hold(await _permits.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false), permitCount);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _permits.Dispose();
        }

        base.Dispose(disposing);
    }

    // The caller gets the lease's answer; the permits themselves stay taken for one window.
    private RateLimitLease Hold(RateLimitLease lease, int permitCount)
    {
        if (lease.IsAcquired && permitCount > 0)
        {
            _ = ReturnAfterWindowAsync(lease);
        }

        return lease.IsAcquired ? AcquiredLease.Instance : lease;
    }

    private async Task ReturnAfterWindowAsync(RateLimitLease lease)
    {
        using (lease)
        {
            await Task.Delay(_window, _timeProvider).ConfigureAwait(false);
        }
    }
}
