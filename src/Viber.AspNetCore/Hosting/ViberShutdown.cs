using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Hosting;

/// <summary>
/// The bot's view of a graceful stop: from <see cref="IHostApplicationLifetime.ApplicationStopping"/> the webhook
/// takes no new callbacks, and <see cref="Deadline"/> is cancelled once <see cref="DrainBudget"/> has passed, which
/// is when handlers still running (inline or queued) are given up. Until then they finish normally, so a callback
/// whose reply was already sent is answered 200 instead of 503 (which would make Viber retry it and the bot reply
/// twice).
/// </summary>
internal sealed class ViberShutdown : IDisposable
{
    // The part of HostOptions.ShutdownTimeout kept back after the deadline: Kestrel still has to write the 503s of
    // the cancelled callbacks, and the background queue to log what it lost, before the host gives up on them.
    private static readonly TimeSpan MaxMargin = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _deadline = new();
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenRegistration _registration;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _disposed;

    public ViberShutdown(IHostApplicationLifetime lifetime, IOptions<HostOptions> hostOptions, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        DrainBudget = Budget(hostOptions.Value.ShutdownTimeout);
        Stopping = lifetime.ApplicationStopping;
        _registration = Stopping.Register(static state => ((ViberShutdown)state!).StartDeadline(), this);
    }

    /// <summary>Gets the token cancelled when the app starts stopping: new callbacks are refused from then on.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Gets a value indicating whether the app is stopping.</summary>
    public bool IsStopping => Stopping.IsCancellationRequested;

    /// <summary>Gets the token cancelled <see cref="DrainBudget"/> after the app started stopping.</summary>
    public CancellationToken Deadline => _deadline.Token;

    /// <summary>
    /// Gets how long running and queued callbacks may take after the app started stopping:
    /// <see cref="HostOptions.ShutdownTimeout"/> minus a tenth of it, at most 2 s.
    /// </summary>
    public TimeSpan DrainBudget { get; }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }

        _registration.Dispose();
        _deadline.Dispose();
    }

    private static TimeSpan Budget(TimeSpan shutdownTimeout)
    {
        if (shutdownTimeout == Timeout.InfiniteTimeSpan)
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (shutdownTimeout <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var margin = shutdownTimeout / 10;
        return shutdownTimeout - (margin < MaxMargin ? margin : MaxMargin);
    }

    private void OnDeadline()
    {
        try
        {
            _deadline.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The timer fired while the host was disposing this service: nothing is left to cancel.
        }
    }

    private void StartDeadline()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (DrainBudget == TimeSpan.Zero)
            {
                // Cancelled on the thread pool: cancellation runs the handlers' continuations, which must not run
                // inside ApplicationStopping's callbacks nor under this lock.
                _ = Task.Run(OnDeadline, CancellationToken.None);
                return;
            }

            if (DrainBudget != Timeout.InfiniteTimeSpan)
            {
                // A timer of the TimeProvider rather than CancelAfter, so tests move the deadline with a fake clock.
                _timer = _timeProvider.CreateTimer(static state => ((ViberShutdown)state!).OnDeadline(), this, DrainBudget, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
