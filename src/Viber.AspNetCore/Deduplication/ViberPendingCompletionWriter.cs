using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Viber.AspNetCore.Diagnostics;

namespace Viber.AspNetCore.Deduplication;

/// <summary>
/// Writes the completions the deduplication store refused, every <see cref="RetryInterval"/> while any wait, so the
/// keys are shared with the other instances again once the store is back. Idle (no timer) while none wait.
/// </summary>
internal sealed class ViberPendingCompletionWriter(
    ViberPendingCompletions pending,
    IViberDeduplicationStore store,
    TimeProvider timeProvider,
    ILogger<ViberPendingCompletionWriter> logger) : BackgroundService
{
    /// <summary>How often the waiting completions are tried again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // No timer while nothing waits; then one try per interval, the first a moment after the failure.
                await pending.WaitForAnyAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(RetryInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                await WritePendingAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = pending.Count;
            if (left > 0)
            {
                Log.PendingCompletionsAbandoned(logger, left);
            }
        }
    }

    /// <summary>Writes what waits, stopping at the first failure: the store is still down, the rest would fail too.</summary>
    internal async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var completion in pending.Snapshot())
        {
            var remaining = completion.ExpiresAt - timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                pending.Remove(completion);
                continue;
            }

            try
            {
                if (!await store.CompleteAsync(completion.Key, completion.ClaimToken, remaining, cancellationToken).ConfigureAwait(false))
                {
                    Log.ClaimLost(logger, completion.Event, completion.MessageToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.PendingCompletionsStillFailing(logger, exception, pending.Count);
                break;
            }

            pending.Remove(completion);
            written++;
        }

        if (written > 0)
        {
            Log.PendingCompletionsWritten(logger, written, pending.Count);
        }
    }
}
