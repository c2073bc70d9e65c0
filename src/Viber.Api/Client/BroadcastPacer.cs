using System.Threading.RateLimiting;

namespace Viber.Api.Client;

/// <summary>
/// Keeps broadcast_message requests of one client under Viber's limit (by default 500 per 10 s). A sliding window
/// limiter counts the requests; its replenishment is driven by a <see cref="TimeProvider"/> timer rather than the
/// limiter's own, so the pacing follows the client's clock (and a fake clock in tests).
/// </summary>
internal sealed class BroadcastPacer : IDisposable
{
    /// <summary>The window is tracked in this many segments; a permit returns one window after it was used.</summary>
    public const int SegmentsPerWindow = 10;

    private readonly SlidingWindowRateLimiter _limiter;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _segment;
    private readonly Lock _timerLock = new();
    private ITimer? _timer;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="BroadcastPacer"/> class.</summary>
    /// <param name="requestsPerWindow">The requests allowed per window.</param>
    /// <param name="window">The window.</param>
    /// <param name="timeProvider">The clock that drives replenishment.</param>
    public BroadcastPacer(int requestsPerWindow, TimeSpan window, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _segment = window / SegmentsPerWindow;
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = requestsPerWindow,
            Window = window,
            SegmentsPerWindow = SegmentsPerWindow,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Gets the limiter, so tests can observe how many requests wait.</summary>
    internal RateLimiter Limiter => _limiter;

    /// <summary>Waits until one more request fits in the window.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lease; dispose it when the request was sent.</returns>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        EnsureTimerStarted();
        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            // The queue is unbounded, so only a disposed limiter refuses a permit.
            lease.Dispose();
            throw new ObjectDisposedException(nameof(ViberBotClient), "The client was disposed during a broadcast.");
        }

        return lease;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_timerLock)
        {
            _disposed = true;
            _timer?.Dispose();
        }

        _limiter.Dispose();
    }

    // The timer starts with the first broadcast, so clients that never broadcast hold no timer.
    private void EnsureTimerStarted()
    {
        if (Volatile.Read(ref _timer) is not null)
        {
            return;
        }

        lock (_timerLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _timer ??= _timeProvider.CreateTimer(static state => ((SlidingWindowRateLimiter)state!).TryReplenish(), _limiter, _segment, _segment);
        }
    }
}
