using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Viber.Emulator.Events;

/// <summary>
/// The emulator's ordered event feed: a bounded history, live subscribers (one bounded channel each, so a slow
/// reader never blocks the emulator) and one-shot waiters completed by signals rather than polling.
/// </summary>
internal sealed class EventFeed(TimeProvider time, int historyLimit)
{
    private readonly Lock _gate = new();
    private readonly Queue<EmulatorEvent> _history = new();
    private readonly List<Channel<EmulatorEvent>> _subscribers = [];
    private readonly List<IWaiter> _waiters = [];
    private long _sequence;
    private bool _completed;

    private interface IWaiter
    {
        /// <summary>Completes the waiter when the event matches.</summary>
        /// <returns><see langword="true"/> when the waiter is done and can be dropped.</returns>
        bool Offer(EmulatorEvent e);
    }

    public T Publish<T>(T e)
        where T : EmulatorEvent
    {
        lock (_gate)
        {
            e.Sequence = ++_sequence;
            e.Time = time.GetUtcNow();
            _history.Enqueue(e);
            while (_history.Count > historyLimit)
            {
                _history.Dequeue();
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(e);
            }

            _waiters.RemoveAll(waiter => waiter.Offer(e));
        }

        return e;
    }

    public IReadOnlyList<T> Snapshot<T>()
        where T : EmulatorEvent
    {
        lock (_gate)
        {
            return [.. _history.OfType<T>()];
        }
    }

    /// <summary>Returns the first event, already published or still to come, that matches.</summary>
    public async Task<T> WaitAsync<T>(Func<T, bool> predicate, TimeSpan timeout, string description, CancellationToken cancellationToken)
        where T : EmulatorEvent
    {
        var waiter = new Waiter<T>(predicate);
        lock (_gate)
        {
            if (!_history.Any(waiter.Offer))
            {
                _waiters.Add(waiter);
            }
        }

        if (waiter.Task.IsCompleted)
        {
            return await waiter.Task.ConfigureAwait(false);
        }

        try
        {
            // Wall-clock timeout on purpose: a fake clock that nobody advances must not make a test hang forever.
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException($"No {typeof(T).Name} {description} within {timeout.TotalSeconds:0.###} s.", exception);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw;
        }
    }

    public async IAsyncEnumerable<EmulatorEvent> SubscribeAsync(bool includeHistory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<EmulatorEvent>(new BoundedChannelOptions(Math.Max(historyLimit, 1))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            // History and registration happen under one lock, so the subscriber sees no gap and no duplicate.
            if (includeHistory)
            {
                foreach (var past in _history)
                {
                    channel.Writer.TryWrite(past);
                }
            }

            if (_completed)
            {
                // The emulator is gone: a late subscriber gets the history (if asked) and then the end.
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }

        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }
        }
    }

    private sealed class Waiter<T>(Func<T, bool> predicate) : IWaiter
        where T : EmulatorEvent
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _completion.Task;

        public bool Offer(EmulatorEvent e)
        {
            if (e is not T candidate)
            {
                return false;
            }

            try
            {
                if (!predicate(candidate))
                {
                    return false;
                }
            }
#pragma warning disable CA1031 // A throwing predicate belongs to the waiting caller: it gets the exception, the publisher does not.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _completion.TrySetException(exception);
                return true;
            }

            _completion.TrySetResult(candidate);
            return true;
        }
    }
}
