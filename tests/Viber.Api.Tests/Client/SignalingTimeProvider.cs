using Microsoft.Extensions.Time.Testing;

namespace Viber.Api.Tests.Client;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer it creates, so a test can wait until a delay is
/// actually scheduled before it advances the clock, instead of racing the code under test.
/// </summary>
internal sealed class SignalingTimeProvider : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.Match(dueTime)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(dueTime);
            }
        }

        return timer;
    }

    /// <summary>Completes once a timer with this due time has been created.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, CancellationToken cancellationToken)
        => WaitForTimerAsync(due => due == dueTime, cancellationToken);

    /// <summary>Completes with the due time of the first timer, created before or after the call, that matches.</summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var dueTime in _dueTimes.Where(match))
            {
                return Task.FromResult(dueTime);
            }

            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }
}
