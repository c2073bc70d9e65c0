namespace Viber.AspNetCore.Diagnostics;

/// <summary>
/// Lets the first of a kind of log record through per interval and counts the rest, reporting the count once when
/// the interval ends. A flood of rejected requests (245,325 bad signatures in 10 s wrote 55 MB) then costs one record
/// and one summary per interval instead of one record per request. Time comes from <see cref="TimeProvider"/>.
/// </summary>
internal sealed class LogRateLimiter : IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Action<long> _summary;
    private DateTimeOffset? _intervalStart;
    private long _suppressed;
    private ITimer? _timer;

    /// <summary>Initializes a new instance of the <see cref="LogRateLimiter"/> class.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">How long after a record in full the same kind is only counted.</param>
    /// <param name="summary">Writes the summary for a count of records left out; called outside the lock.</param>
    public LogRateLimiter(TimeProvider time, TimeSpan interval, Action<long> summary)
    {
        _time = time;
        _interval = interval;
        _summary = summary;
    }

    /// <summary>Tells whether this occurrence is logged in full; if not, it is counted for the interval's summary.</summary>
    /// <returns><see langword="true"/> for the first occurrence of an interval.</returns>
    public bool ShouldLog()
    {
        long leftOver;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_intervalStart is { } start && now - start < _interval)
            {
                _suppressed++;

                // The summary is written when the interval ends, even if no further occurrence comes to trigger it.
                _timer ??= _time.CreateTimer(static state => ((LogRateLimiter)state!).Flush(), this, start + _interval - now, Timeout.InfiniteTimeSpan);
                return false;
            }

            // A new interval; a summary the timer has not written yet (it is about to) is written now, in order.
            leftOver = TakeSuppressed();
            _intervalStart = now;
        }

        WriteSummary(leftOver);
        return true;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Flush()
    {
        long leftOver;
        lock (_lock)
        {
            leftOver = TakeSuppressed();
        }

        WriteSummary(leftOver);
    }

    private long TakeSuppressed()
    {
        var count = _suppressed;
        _suppressed = 0;
        _timer?.Dispose();
        _timer = null;
        return count;
    }

    private void WriteSummary(long count)
    {
        if (count > 0)
        {
            _summary(count);
        }
    }
}
