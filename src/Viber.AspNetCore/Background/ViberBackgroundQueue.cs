using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Hosting;

namespace Viber.AspNetCore.Background;

/// <summary>
/// The bounded queue of background mode: one bounded channel per worker, a callback going to its user's channel so
/// each user's callbacks are handled in arrival order while different users run in parallel. A full channel (or a
/// closed one, during shutdown) refuses the callback, which the webhook answers with 503.
/// </summary>
/// <remarks>
/// A queued callback was already answered 200, so Viber never retries it: one still queued when the app stops is
/// lost. The queue therefore also refuses a callback when its worker could not be expected to get through it within
/// the shutdown drain budget (<see cref="ViberShutdown.DrainBudget"/>): (callbacks queued for that worker + 1) ×
/// the observed handler duration must fit in it. The duration is a moving average of the background runs; until
/// the first run is measured it is assumed to be <see cref="AssumedHandlerDuration"/>. A worker with nothing queued
/// always takes one, so a handler slower than the whole budget still runs.
/// </remarks>
internal sealed class ViberBackgroundQueue : IViberBackgroundQueue
{
    /// <summary>The handler duration assumed before one is measured: cautious, so a burst at start-up is not over-admitted.</summary>
    public static readonly TimeSpan AssumedHandlerDuration = TimeSpan.FromSeconds(5);

    // Weight of a new measurement in the moving average: recent runs count most, one outlier does not dominate.
    private const double Smoothing = 0.2;

    private readonly Channel<ViberWorkItem>[] _partitions;
    private readonly int[] _counts;
    private readonly TimeSpan _drainBudget;
    private readonly Lock _durationGate = new();
    private double _averageSeconds = -1;
    private int _count;
    private int _nextAnonymous;

    public ViberBackgroundQueue(IOptions<ViberBotOptions> options, ViberShutdown shutdown, ViberMetrics metrics)
    {
        var value = options.Value;
        var workers = Math.Max(1, value.BackgroundWorkers);
        var capacity = Math.Max(1, (value.BackgroundQueueCapacity + workers - 1) / workers);
        _drainBudget = shutdown.DrainBudget;
        _partitions = new Channel<ViberWorkItem>[workers];
        _counts = new int[workers];
        for (var i = 0; i < workers; i++)
        {
            _partitions[i] = Channel.CreateBounded<ViberWorkItem>(new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.Wait,

                // Its worker reads it, and on a shutdown past the deadline the dispatcher too, to account for what is lost.
                SingleReader = false,
            });
        }

        if (value.DispatchMode == ViberDispatchMode.Background)
        {
            metrics.ObserveQueueDepth(() => Count);
        }
    }

    /// <summary>Gets the number of queued callbacks.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets one reader per worker; the index is the partition passed to <see cref="MarkDequeued"/>.</summary>
    public IReadOnlyList<ChannelReader<ViberWorkItem>> Readers => [.. _partitions.Select(channel => channel.Reader)];

    /// <summary>Gets the handler duration the admission estimate uses now.</summary>
    public TimeSpan EstimatedHandlerDuration
    {
        get
        {
            lock (_durationGate)
            {
                return _averageSeconds < 0 ? AssumedHandlerDuration : TimeSpan.FromSeconds(_averageSeconds);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<ViberEnqueueResult> EnqueueAsync(ViberWorkItem item, CancellationToken cancellationToken)
        => ValueTask.FromResult(TryEnqueue(item));

    /// <summary>Queues a callback without waiting.</summary>
    /// <param name="item">The work item.</param>
    /// <returns>Whether it was queued, and why not.</returns>
    public ViberEnqueueResult TryEnqueue(ViberWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var userId = item.Callback.GetUserId();
        var hash = userId is null ? Interlocked.Increment(ref _nextAnonymous) : StringComparer.Ordinal.GetHashCode(userId);
        var index = (int)((uint)hash % (uint)_partitions.Length);

        // Counted before the write so a worker that takes the item at once never sees the count go below zero.
        var queued = Interlocked.Increment(ref _counts[index]);
        Interlocked.Increment(ref _count);
        if (queued > 1 && !FitsDrainBudget(queued))
        {
            Uncount(index);
            return ViberEnqueueResult.OverDrainBudget;
        }

        if (_partitions[index].Writer.TryWrite(item))
        {
            return ViberEnqueueResult.Queued;
        }

        Uncount(index);
        return ViberEnqueueResult.Full;
    }

    /// <summary>Records that an item was taken from a partition.</summary>
    /// <param name="partition">The index of its reader in <see cref="Readers"/>.</param>
    public void MarkDequeued(int partition) => Uncount(partition);

    /// <summary>Feeds the duration of a background run into the admission estimate.</summary>
    /// <param name="elapsed">How long the callback's handlers took.</param>
    public void RecordHandlerDuration(TimeSpan elapsed)
    {
        lock (_durationGate)
        {
            var seconds = Math.Max(0, elapsed.TotalSeconds);
            _averageSeconds = _averageSeconds < 0 ? seconds : _averageSeconds + (Smoothing * (seconds - _averageSeconds));
        }
    }

    /// <summary>Closes the queue: later callbacks are refused, queued ones are still read.</summary>
    public void Complete()
    {
        foreach (var channel in _partitions)
        {
            channel.Writer.TryComplete();
        }
    }

    private bool FitsDrainBudget(int queued)
        => _drainBudget == Timeout.InfiniteTimeSpan || EstimatedHandlerDuration * queued <= _drainBudget;

    private void Uncount(int partition)
    {
        Interlocked.Decrement(ref _counts[partition]);
        Interlocked.Decrement(ref _count);
    }
}
