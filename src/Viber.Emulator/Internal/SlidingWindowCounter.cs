namespace Viber.Emulator.Internal;

/// <summary>
/// Counts events in a sliding time window on the emulator's clock. Not thread-safe: the emulator's lock guards it.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting's window limiters read Stopwatch directly, so a FakeTimeProvider could not
/// compress their windows; the emulator's limits (500 broadcasts per 10 s, 100 messages per hour, 2 lookups per
/// 12 h) must move with the injected clock, hence this small log of timestamps.
/// </remarks>
internal sealed class SlidingWindowCounter(TimeSpan window, int limit)
{
    private readonly Queue<DateTimeOffset> _hits = new();

    public int Limit => limit;

    public TimeSpan Window => window;

    /// <summary>Gets the most events counted in any one window so far (each window that holds the most ends at an event).</summary>
    public int Peak { get; private set; }

    /// <summary>Gets how many events were turned away because the window was full.</summary>
    public long Refused { get; private set; }

    /// <summary>Counts one event unless the window is full.</summary>
    /// <returns><see langword="true"/> when the event fits in the window and was counted.</returns>
    public bool TryAdd(DateTimeOffset now)
    {
        while (_hits.Count > 0 && now - _hits.Peek() >= window)
        {
            _hits.Dequeue();
        }

        if (_hits.Count >= limit)
        {
            Refused++;
            return false;
        }

        _hits.Enqueue(now);
        Peak = Math.Max(Peak, _hits.Count);
        return true;
    }

    public void Reset()
    {
        _hits.Clear();
        Peak = 0;
        Refused = 0;
    }
}
