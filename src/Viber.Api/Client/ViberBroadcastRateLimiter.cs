using System.Threading.RateLimiting;

namespace Viber.Api.Client;

/// <summary>
/// A rate limiter for Viber's broadcast limit (500 broadcast_message requests per 10 s): at most
/// <c>permitsPerWindow</c> permits in any window, not just in aligned ones, as Viber counts them. A permit counts
/// from when it is acquired until one window after its lease is disposed, and comes back by a delay on the given
/// <see cref="TimeProvider"/>, so the pacing follows a fake clock in tests. Share one instance between the clients
/// of a bot so all their broadcasts share the budget.
/// </summary>
/// <remarks>
/// <para>
/// Dispose the lease when the request's answer came (or it failed). Viber counts a request when it arrives, which
/// the sender only knows lies between sending and the answer: a permit counted from acquisition would let a request
/// that was slow to arrive and the one taking its permit a window later, quick to arrive, land less than a window
/// apart, 501 in Viber's window. Counted from the answer, the next use of a permit arrives a window after the
/// previous one at least. A lease that is never disposed never returns its permit.
/// </para>
/// <para>
/// The BCL's window and token-bucket limiters would fit, but they check elapsed time on the real Stopwatch even when
/// replenished by hand, so they cannot follow a <see cref="TimeProvider"/>. This one counts with a
/// <see cref="ConcurrencyLimiter"/>, which has no clock of its own.
/// </para>
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

    // A refused lease is the caller's answer as it is; a granted one keeps its permits for a window after its disposal.
    private RateLimitLease Hold(RateLimitLease lease, int permitCount)
        => lease.IsAcquired && permitCount > 0 ? new WindowedLease(lease, _window, _timeProvider) : lease;
}
