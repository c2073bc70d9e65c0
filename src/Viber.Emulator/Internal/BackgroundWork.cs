using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Viber.Emulator.Internal;

/// <summary>
/// Runs the emulator's fire-and-forget work (delivered/seen/failed callbacks after an API answer), keeps track of
/// it so callers can wait for quiet, and cancels it when the emulator is disposed.
/// </summary>
internal sealed class BackgroundWork(ILogger logger, Action<string, Exception> onFailure) : IDisposable
{
    private readonly ConcurrentDictionary<Task, string> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken Stopping => _stopping.Token;

    public void Run(string operation, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(() => RunCoreAsync(operation, work));

        // Added before the removal continuation is attached, so a task that already finished is still removed.
        _running.TryAdd(task, operation);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until no background work is running, including work started while waiting.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Keys).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

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
            Log.BackgroundFailure(logger, operation, exception);
            onFailure(operation, exception);
        }
    }
}
