using Microsoft.Extensions.Time.Testing;

namespace Viber.Emulator.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports the timers it creates, so a test advances the clock only once a
/// delay is scheduled instead of racing the code under test.
/// </summary>
internal sealed class TimerSignalingTimeProvider() : FakeTimeProvider(EmulatorHarness.Start)
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(Func<TimeSpan, bool> Match, int Count, TaskCompletionSource Signal)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => _dueTimes.Count(w.Match) >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers with this due time have been created, before or after the call.</summary>
    public Task WaitForTimersAsync(TimeSpan dueTime, int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            bool Match(TimeSpan due) => due == dueTime;
            if (_dueTimes.Count(Match) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Match, count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }
}
