namespace Viber.Emulator.Callbacks;

/// <summary>
/// The emulator's clock as seen by one callback's retry pipeline: it reports each retry timer once the timer
/// exists, so a test driving a FakeTimeProvider can advance it exactly when a retry is waiting.
/// </summary>
/// <remarks>
/// Polly raises OnRetry before it creates the delay timer; advancing a fake clock at that moment could miss the
/// timer. Hooking timer creation removes the race without a hand-written retry loop.
/// </remarks>
internal sealed class RetryClock(TimeProvider inner, Action<TimeSpan> onRetryTimerCreated) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        onRetryTimerCreated(dueTime);
        return timer;
    }
}
