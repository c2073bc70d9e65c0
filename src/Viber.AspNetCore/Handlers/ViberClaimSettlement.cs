using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Diagnostics;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// Settles a processed callback's claim in the deduplication store: completed after its handlers succeeded, released
/// after they failed. Neither throws: the callback's answer is decided by its handlers, and a store failure is logged
/// (and, for a completion, kept for <see cref="ViberPendingCompletionWriter"/>).
/// </summary>
internal sealed class ViberClaimSettlement(
    IViberDeduplicationStore store,
    ViberPendingCompletions pendingCompletions,
    IOptions<ViberBotOptions> options,
    ViberMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ViberClaimSettlement> logger)
{
    /// <summary>
    /// Records the key as handled. A store failure here must not fail the callback: its handlers succeeded (a reply
    /// may be out already), and an error answer would make Viber retry it and the handlers run twice. So the
    /// completion is kept for <see cref="ViberPendingCompletionWriter"/> and the key counts as handled locally.
    /// </summary>
    /// <param name="callback">The callback.</param>
    /// <param name="key">Its deduplication key.</param>
    /// <param name="claimToken">The token it was claimed with.</param>
    /// <param name="eventName">Its event name, as metrics tag it.</param>
    /// <returns>A task that completes when the completion is recorded or kept.</returns>
    public async Task CompleteAsync(ViberCallback callback, string key, string claimToken, string eventName)
    {
        var window = options.Value.DeduplicationWindow;
        try
        {
            if (!await store.CompleteAsync(key, claimToken, window, CancellationToken.None).ConfigureAwait(false))
            {
                Log.ClaimLost(logger, callback.Event, callback.MessageToken);
            }
        }
        catch (Exception exception)
        {
            var completion = new ViberPendingCompletion(key, claimToken, timeProvider.GetUtcNow() + window, callback.Event, callback.MessageToken);
            if (pendingCompletions.TryAdd(completion))
            {
                metrics.CompletionFailed(eventName, ViberOutcomes.Pending);
                Log.CompletionPending(logger, exception, callback.Event, callback.MessageToken, pendingCompletions.Count);
            }
            else
            {
                metrics.CompletionFailed(eventName, ViberOutcomes.Dropped);
                Log.CompletionDropped(logger, exception, callback.Event, callback.MessageToken, ViberPendingCompletions.Capacity);
            }
        }
    }

    /// <summary>
    /// Frees the key so Viber's retry runs the handlers again. The answer is an error status either way; a store
    /// failure only means the claim stays until it expires (retries get 503 until then), so it is logged, not thrown.
    /// </summary>
    /// <param name="callback">The callback.</param>
    /// <param name="key">Its deduplication key.</param>
    /// <param name="claimToken">The token it was claimed with.</param>
    /// <returns>A task that completes when the key is released, or the failure logged.</returns>
    public async Task ReleaseAsync(ViberCallback callback, string key, string claimToken)
    {
        try
        {
            await store.ReleaseAsync(key, claimToken, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.ReleaseFailed(logger, exception, callback.Event, callback.MessageToken);
        }
    }
}
