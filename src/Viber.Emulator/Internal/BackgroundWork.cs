using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Viber.Emulator.Internal;

/// <summary>
/// Runs the emulator's work that outlives the call that started it (callbacks and their retries), keeps track of it
/// so callers can wait for quiet with a bound, and cancels it when the emulator is disposed.
/// </summary>
internal sealed class BackgroundWork(ILogger logger, Action<string, Exception> onFailure) : IDisposable
{
    private readonly ConcurrentDictionary<Task, string> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts fire-and-forget work; a failure is logged and reported through the failure callback.</summary>
    public void Run(string operation, Func<CancellationToken, Task> work) => Track(operation, Task.Run(() => RunCoreAsync(operation, work)));

    /// <summary>
    /// Starts work whose result a caller awaits (and may stop awaiting: the work goes on and stays tracked). A failure
    /// reaches the caller through the task and is also logged and reported, in case nobody awaits it any more.
    /// </summary>
    public Task<T> Start<T>(string operation, Func<CancellationToken, Task<T>> work)
    {
        var task = Task.Run(() => work(_stopping.Token));
        Track(operation, task);
        _ = task.ContinueWith(
            t => Report(operation, t.Exception!.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    /// <summary>Waits until no work is running, including work started while waiting, for at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">Work still ran at the deadline; the message names it and adds <paramref name="describe"/>'s text.</exception>
    public async Task WhenIdleAsync(TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_running.IsEmpty)
        {
            var left = deadline - DateTime.UtcNow;
            var all = Task.WhenAll(_running.Keys);

            // Wall clock on purpose: retries on a fake clock that nobody advances must fail the wait, not hang it.
            // Failed work counts as finished: idleness is about running work, and each failure is reported on its own.
            await all.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            if (!all.IsCompleted)
            {
                var running = _running.Values.Order(StringComparer.Ordinal).ToList();
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The emulator was not idle within {timeout.TotalSeconds:0.###} s: {running.Count} operation(s) still running: {string.Join("; ", running)}. {describe()}"));
            }
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Work cancelled by the stop ends here; work that failed was logged and reported when it failed.
        await Task.WhenAll(_running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private void Track(string operation, Task task)
    {
        // Added before the removal continuation is attached, so a task that already finished is still removed.
        _running.TryAdd(task, operation);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunCoreAsync(string operation, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            Log.BackgroundCancelled(logger, operation);
        }
#pragma warning disable CA1031 // Background work has no caller to throw to: the failure is logged and published as an event.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Report(operation, exception);
        }
    }

    private void Report(string operation, Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            // Cancelled by the emulator's stop or by the caller who started it: neither is a failure.
            Log.BackgroundCancelled(logger, operation);
            return;
        }

        Log.BackgroundFailure(logger, operation, exception);
        onFailure(operation, exception);
    }
}
