using System.Collections.Concurrent;

namespace Viber.Api.Tests.Client;

/// <summary>Keeps every progress report as it is made (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class ListProgress : IProgress<ViberBroadcastProgress>
{
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public ConcurrentQueue<ViberBroadcastProgress> Reports { get; } = new();

    public void Report(ViberBroadcastProgress value)
    {
        lock (_lock)
        {
            Reports.Enqueue(value);
            foreach (var waiter in _waiters.Where(w => w.Count <= Reports.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> reports were made: a request is reported after its permit was returned to the limiter.</summary>
    public Task WaitForReportsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Reports.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }
}
