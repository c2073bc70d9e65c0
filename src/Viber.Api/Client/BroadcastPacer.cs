using System.Threading.RateLimiting;

namespace Viber.Api.Client;

/// <summary>
/// Keeps the broadcast_message requests of one client under Viber's limit (by default 500 per 10 s) in any window,
/// not just in aligned ones. Each request holds a permit of a <see cref="ConcurrencyLimiter"/> for one window, and
/// the permit is returned by a delay on the client's <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The BCL's window and token-bucket limiters would fit, but they check elapsed time on the real Stopwatch even when
/// replenished by hand, so they cannot follow a <see cref="TimeProvider"/>; a concurrency limiter has no clock.
/// </remarks>
internal sealed class BroadcastPacer : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="BroadcastPacer"/> class.</summary>
    /// <param name="requestsPerWindow">The requests allowed per window.</param>
    /// <param name="window">The window.</param>
    /// <param name="timeProvider">The clock that returns the permits.</param>
    public BroadcastPacer(int requestsPerWindow, TimeSpan window, TimeProvider timeProvider)
    {
        _window = window;
        _timeProvider = timeProvider;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = requestsPerWindow,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Gets the limiter, so tests can observe how many requests wait.</summary>
    internal RateLimiter Limiter => _limiter;

    /// <summary>Waits until one more request fits in the window, and counts it for one window from now.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the request may be sent.</returns>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            // The queue is unbounded, so only a disposed limiter refuses a permit.
            lease.Dispose();
            throw new ObjectDisposedException(nameof(ViberBotClient), "The client was disposed during a broadcast.");
        }

        _ = ReturnAfterWindowAsync(lease);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();

    private async Task ReturnAfterWindowAsync(RateLimitLease lease)
    {
        using (lease)
        {
            await Task.Delay(_window, _timeProvider).ConfigureAwait(false);
        }
    }
}
