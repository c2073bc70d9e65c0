using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// Runs the handlers of a callback whose deduplication key is claimed, then completes the key (success) or releases
/// it (failure, so Viber's retry runs the handlers again), with the logs, metrics and trace of the run.
/// Shared by the inline webhook and the background workers.
/// </summary>
internal sealed class ViberCallbackProcessor(
    ViberCallbackDispatcher dispatcher,
    IViberDeduplicationStore store,
    ViberPendingCompletions pendingCompletions,
    IOptions<ViberBotOptions> options,
    IOptions<ViberBotClientOptions> clientOptions,
    ViberMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ViberCallbackProcessor> logger)
{
    private const string WelcomeMessageStep = "(welcome message)";

    /// <summary>Processes a claimed callback.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="key">Its claimed deduplication key.</param>
    /// <param name="claimToken">The token the key was claimed with; only it completes or releases the claim.</param>
    /// <param name="services">The scope to resolve handlers from.</param>
    /// <param name="parent">The trace context to continue (background mode); default to use the current activity.</param>
    /// <param name="cancellationToken">Cancels the handlers when the app stops.</param>
    /// <returns>The outcome and the welcome message body, if any.</returns>
    public async ValueTask<ViberProcessResult> ProcessAsync(
        ViberCallback callback,
        string key,
        string claimToken,
        IServiceProvider services,
        ActivityContext parent,
        CancellationToken cancellationToken)
    {
        var eventName = ViberMetrics.EventName(callback);
        using var activity = ViberActivities.Source.StartActivity(ViberDiagnostics.DispatchActivityName, ActivityKind.Internal, parent);
        activity?.SetTag(ViberDiagnostics.EventTag, eventName);
        activity?.SetTag(ViberDiagnostics.MessageTokenTag, callback.MessageToken);

        var started = timeProvider.GetTimestamp();
        var result = await dispatcher.DispatchAsync(callback, services, cancellationToken).ConfigureAwait(false);
        var failure = result.Exception;
        var failedStep = result.FailedHandler;
        byte[]? welcome = null;
        if (failure is null && result.WelcomeMessage is { } message)
        {
            try
            {
                welcome = ViberWelcomeMessageSerializer.Serialize(message, clientOptions.Value.DefaultSender);
            }
            catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException or Viber.Api.ViberException)
            {
                (failure, failedStep) = (exception, WelcomeMessageStep);
            }
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        if (failure is null)
        {
            await CompleteAsync(callback, key, claimToken, eventName).ConfigureAwait(false);
            metrics.HandlersCompleted(eventName, ViberOutcomes.Success, elapsed);
            return new ViberProcessResult(ViberProcessOutcome.Succeeded, welcome);
        }

        // Released whatever the reason, so the retry Viber sends after a non-200 answer runs the handlers again.
        await ReleaseAsync(callback, key, claimToken).ConfigureAwait(false);
        activity?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            Log.HandlerCancelled(logger, callback.Event, callback.MessageToken);
            metrics.HandlersCompleted(eventName, ViberOutcomes.Cancelled, elapsed);
            return new ViberProcessResult(ViberProcessOutcome.Cancelled);
        }

        Log.HandlerFailed(logger, failure, failedStep ?? string.Empty, callback.Event, callback.MessageToken);
        metrics.HandlerFailed(eventName, failedStep ?? string.Empty);
        metrics.HandlersCompleted(eventName, ViberOutcomes.Failure, elapsed);
        return new ViberProcessResult(ViberProcessOutcome.Failed, Failure: failure);
    }

    /// <summary>
    /// Records the key as handled. A store failure here must not fail the callback: its handlers succeeded (a reply
    /// may be out already), and an error answer would make Viber retry it and the handlers run twice. So the
    /// completion is kept for <see cref="ViberPendingCompletionWriter"/> and the key counts as handled locally.
    /// </summary>
    private async Task CompleteAsync(ViberCallback callback, string key, string claimToken, string eventName)
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
    private async Task ReleaseAsync(ViberCallback callback, string key, string claimToken)
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
