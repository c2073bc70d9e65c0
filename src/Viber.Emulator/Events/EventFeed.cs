using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Viber.Emulator.Events;

/// <summary>
/// The emulator's ordered event feed: a bounded history, live subscribers and one-shot waiters.
/// </summary>
/// <remarks>
/// The feed's lock is the innermost lock of the emulator (see <see cref="Internal.EmulatorState"/> for the rule):
/// under it the feed only numbers an event, appends it to the history and writes it to channels. It never runs a
/// waiter's predicate or a subscriber's loop: each of those reads a snapshot of the history taken under the lock,
/// then its own channel, outside the lock. Registration and snapshot happen under one lock, so nothing is missed
/// and nothing is seen twice.
/// </remarks>
internal sealed class EventFeed(TimeProvider time, int historyLimit)
{
    private readonly Lock _gate = new();
    private readonly Queue<EmulatorEvent> _history = new();
    private readonly List<ChannelWriter<EmulatorEvent>> _listeners = [];
    private long _sequence;
    private bool _completed;

    /// <summary>The sequence number of the latest event published, 0 before the first.</summary>
    public long LastSequence => Volatile.Read(ref _sequence);

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

            foreach (var listener in _listeners)
            {
                listener.TryWrite(e);
            }
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
    /// <exception cref="TimeoutException">None in time; the message lists the recent API calls and callbacks.</exception>
    public async Task<T> WaitAsync<T>(Func<T, bool> predicate, TimeSpan timeout, string description, CancellationToken cancellationToken)
        where T : EmulatorEvent
    {
        // Unbounded: a waiter lives at most until its timeout, and it must not lose the event it waits for.
        var channel = Channel.CreateUnbounded<EmulatorEvent>(new UnboundedChannelOptions { SingleReader = true });
        var (history, completed) = Listen(channel.Writer, includeHistory: true);
        if (completed)
        {
            channel.Writer.TryComplete();
        }

        try
        {
            foreach (var past in history.OfType<T>())
            {
                if (predicate(past))
                {
                    return past;
                }
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            // Wall-clock timeout on purpose: a fake clock that nobody advances must not make a test hang forever.
            limit.CancelAfter(timeout);
            try
            {
                await foreach (var e in channel.Reader.ReadAllAsync(limit.Token).ConfigureAwait(false))
                {
                    if (e is T candidate && predicate(candidate))
                    {
                        return candidate;
                    }
                }
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No {typeof(T).Name} {description} within {timeout.TotalSeconds:0.###} s. {DescribeRecent()}", exception);
            }

            throw new InvalidOperationException($"The emulator was disposed while waiting for a {typeof(T).Name} {description}.");
        }
        finally
        {
            Unlisten(channel.Writer);
        }
    }

    public async IAsyncEnumerable<EmulatorEvent> SubscribeAsync(bool includeHistory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<EmulatorEvent>(new BoundedChannelOptions(Math.Max(historyLimit, 1))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

        // The history goes into the channel under the feed's lock, before any live event can: written after the
        // lock is released, an event published in between would come first and the stream would be out of order.
        var completed = ListenWithHistoryInChannel(channel.Writer, includeHistory);
        if (completed)
        {
            // The emulator is gone: a late subscriber gets the history (if asked) and then the end.
            channel.Writer.TryComplete();
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
            Unlisten(channel.Writer);
        }
    }

    /// <summary>Describes the latest API calls and callback attempts, for timeout messages that say what did happen.</summary>
    public string DescribeRecent(Func<EmulatorEvent, bool>? filter = null, int count = 5)
    {
        var recent = Snapshot<EmulatorEvent>()
            .Where(e => (e is ApiCallEvent or CallbackAttemptEvent or CallbackSkippedEvent) && (filter is null || filter(e)))
            .TakeLast(count)
            .Select(Describe)
            .ToList();
        return recent.Count == 0 ? "Nothing was seen: no API call, no callback." : "Last seen: " + string.Join("; ", recent) + ".";
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var listener in _listeners)
            {
                listener.TryComplete();
            }

            _listeners.Clear();
        }
    }

    private static string Describe(EmulatorEvent e) => e switch
    {
        ApiCallEvent call => $"API {call.Method} → {(call.Status is { } status ? $"{(int)status} {call.StatusMessage}" : $"HTTP {call.HttpStatus}")}",
        CallbackAttemptEvent attempt => $"callback {attempt.EventType}{(attempt.UserId is null ? string.Empty : " for " + attempt.UserId)} attempt {attempt.Attempt} → {(attempt.HttpStatus is { } http ? $"HTTP {http}" : attempt.Error)}",
        CallbackSkippedEvent skipped => $"callback {skipped.EventType} not sent ({skipped.Reason})",
        _ => e.GetType().Name,
    };

    /// <summary>
    /// Registers a listener and returns the history it follows on from, both under the lock; a completed feed
    /// registers nothing, and the caller ends its channel after reading the history.
    /// </summary>
    private (EmulatorEvent[] History, bool Completed) Listen(ChannelWriter<EmulatorEvent> listener, bool includeHistory)
    {
        lock (_gate)
        {
            if (!_completed)
            {
                _listeners.Add(listener);
            }

            return (includeHistory ? [.. _history] : [], _completed);
        }
    }

    /// <summary>
    /// Registers a listener and, under the same lock, writes the history into it (if asked), so that live events
    /// follow the history in order; returns whether the feed has completed.
    /// </summary>
    private bool ListenWithHistoryInChannel(ChannelWriter<EmulatorEvent> listener, bool includeHistory)
    {
        lock (_gate)
        {
            if (includeHistory)
            {
                foreach (var past in _history)
                {
                    listener.TryWrite(past);
                }
            }

            if (!_completed)
            {
                _listeners.Add(listener);
            }

            return _completed;
        }
    }

    private void Unlisten(ChannelWriter<EmulatorEvent> listener)
    {
        lock (_gate)
        {
            _listeners.Remove(listener);
        }
    }
}
