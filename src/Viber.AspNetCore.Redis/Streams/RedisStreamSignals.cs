namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// Wakes this instance's worker of a partition when this instance appended to it, so a callback does not wait for
/// the next poll. Callbacks appended by other instances are found by polling (<see cref="RedisViberStreamOptions.PollInterval"/>).
/// </summary>
internal sealed class RedisStreamSignals
{
    private readonly TaskCompletionSource[] _signals;

    public RedisStreamSignals(RedisStreamLayout layout)
        => _signals = [.. Enumerable.Range(0, layout.Partitions).Select(_ => NewSignal())];

    public void Signal(int partition) => Volatile.Read(ref _signals[partition]).TrySetResult();

    /// <summary>Waits until the partition is signalled or the poll interval passes; returns at once if it was signalled since the last wait.</summary>
    public async Task WaitAsync(int partition, TimeSpan pollInterval, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _signals[partition]);
        if (!signal.Task.IsCompleted)
        {
            using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            // Neither task is awaited on its own, so an elapsed or cancelled delay throws nothing here.
            await Task.WhenAny(signal.Task, Task.Delay(pollInterval, timeProvider, stopDelay.Token)).ConfigureAwait(false);
            await stopDelay.CancelAsync().ConfigureAwait(false);
        }

        if (signal.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signals[partition], NewSignal(), signal);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
