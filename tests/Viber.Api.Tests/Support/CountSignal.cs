namespace Viber.Api.Tests.Support;

/// <summary>
/// "Completes when at least N things happened", for the fakes that count requests, held answers or reports. Not
/// thread-safe on its own: the owner calls it under the lock that guards its count.
/// </summary>
internal sealed class CountSignal
{
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Completes when the count reaches <paramref name="count"/> (at once if <paramref name="current"/> already has).</summary>
    public Task WaitAsync(int current, int count, CancellationToken cancellationToken)
    {
        if (current >= count)
        {
            return Task.CompletedTask;
        }

        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((count, signal));
        return signal.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Releases the waiters whose count <paramref name="current"/> reaches.</summary>
    public void Reached(int current)
    {
        foreach (var waiter in _waiters.Where(w => w.Count <= current).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Signal.TrySetResult();
        }
    }
}
