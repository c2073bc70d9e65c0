using Microsoft.Extensions.Time.Testing;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that signals when a delay starts, so a test advances time only once the code
/// under test is waiting on it (no race between scheduling a retry and advancing the clock).
/// </summary>
public sealed class SignalingTimeProvider : FakeTimeProvider, IDisposable
{
    private readonly SemaphoreSlim _timerCreated = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _timerCreated.Release();
        }

        return timer;
    }

    /// <summary>Waits until a delay was scheduled.</summary>
    public Task WaitForDelayAsync() => Waits.ForAsync(_timerCreated, 1);

    public void Dispose() => _timerCreated.Dispose();
}
