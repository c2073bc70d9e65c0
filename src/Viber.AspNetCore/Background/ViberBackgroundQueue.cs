using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Diagnostics;

namespace Viber.AspNetCore.Background;

/// <summary>
/// The bounded queue of background mode: one bounded channel per worker, a callback going to its user's channel so
/// each user's callbacks are handled in arrival order while different users run in parallel. A full channel (or a
/// closed one, during shutdown) refuses the callback, which the webhook answers with 503.
/// </summary>
internal sealed class ViberBackgroundQueue
{
    private readonly Channel<ViberWorkItem>[] _partitions;
    private int _count;
    private int _nextAnonymous;

    public ViberBackgroundQueue(IOptions<ViberBotOptions> options, ViberMetrics metrics)
    {
        var value = options.Value;
        var workers = Math.Max(1, value.BackgroundWorkers);
        var capacity = Math.Max(1, (value.BackgroundQueueCapacity + workers - 1) / workers);
        _partitions = new Channel<ViberWorkItem>[workers];
        for (var i = 0; i < workers; i++)
        {
            _partitions[i] = Channel.CreateBounded<ViberWorkItem>(new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
            });
        }

        if (value.DispatchMode == ViberDispatchMode.Background)
        {
            metrics.ObserveQueueDepth(() => Count);
        }
    }

    /// <summary>Gets the number of queued callbacks.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets one reader per worker.</summary>
    public IEnumerable<ChannelReader<ViberWorkItem>> Readers => _partitions.Select(channel => channel.Reader);

    /// <summary>Queues a callback without waiting.</summary>
    /// <param name="item">The work item.</param>
    /// <returns><see langword="false"/> when its channel is full or closed.</returns>
    public bool TryEnqueue(ViberWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var userId = item.Callback.GetUserId();
        var hash = userId is null ? Interlocked.Increment(ref _nextAnonymous) : StringComparer.Ordinal.GetHashCode(userId);
        var partition = _partitions[(int)((uint)hash % (uint)_partitions.Length)];

        // Counted before the write so a worker that takes the item at once never sees the count go below zero.
        Interlocked.Increment(ref _count);
        if (partition.Writer.TryWrite(item))
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    /// <summary>Records that a worker took an item.</summary>
    public void MarkDequeued() => Interlocked.Decrement(ref _count);

    /// <summary>Closes the queue: later callbacks are refused, queued ones are still read.</summary>
    public void Complete()
    {
        foreach (var channel in _partitions)
        {
            channel.Writer.TryComplete();
        }
    }
}
