using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Routing;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// Runs the handlers of a callback whose deduplication key is claimed, resolved from the given scope in registration
/// order, then completes the key (success) or releases it (failure, so Viber's retry runs the handlers again), with
/// the logs, metrics and trace of the run. A message runs its event handlers first (every one), then the routes (the
/// first that takes it), so handlers that log or audit every message see it whichever route answers. Free of
/// HttpContext: shared by the inline webhook and the background workers.
/// </summary>
internal sealed class ViberCallbackProcessor(
    ViberHandlerTable handlerTable,
    ViberRouter router,
    ViberClaimSettlement settlement,
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
    public ValueTask<ViberProcessResult> ProcessAsync(
        ViberCallback callback,
        string key,
        string claimToken,
        IServiceProvider services,
        ActivityContext parent,
        CancellationToken cancellationToken)
        => handlerTable.For(callback).ProcessAsync(this, callback, key, claimToken, services, parent, cancellationToken);

    /// <summary>
    /// Processes a claimed callback of a concrete type with its handlers. One async method for the whole run: a
    /// handler that awaits (one that replies) suspends this method alone, where separate methods for running the
    /// handlers and settling the claim were one more state machine per callback.
    /// </summary>
    /// <typeparam name="TCallback">The callback's concrete type, never <see cref="ViberCallback"/> itself (it is abstract).</typeparam>
    /// <param name="callback">The callback.</param>
    /// <param name="handlers">The handlers that take <typeparamref name="TCallback"/>, in registration order.</param>
    /// <param name="key">Its claimed deduplication key.</param>
    /// <param name="claimToken">The token the key was claimed with.</param>
    /// <param name="services">The scope to resolve handlers from.</param>
    /// <param name="parent">The trace context to continue; default to use the current activity.</param>
    /// <param name="cancellationToken">Cancels the handlers.</param>
    /// <returns>The outcome and the welcome message body, if any.</returns>
    internal async ValueTask<ViberProcessResult> ProcessAsync<TCallback>(
        TCallback callback,
        ViberHandlerDescriptor[] handlers,
        string key,
        string claimToken,
        IServiceProvider services,
        ActivityContext parent,
        CancellationToken cancellationToken)
        where TCallback : ViberCallback
    {
        var eventName = ViberMetrics.EventName(callback);
        using var activity = ViberActivities.Source.StartActivity(ViberDiagnostics.DispatchActivityName, ActivityKind.Internal, parent);
        activity?.SetTag(ViberDiagnostics.EventTag, eventName);
        activity?.SetTag(ViberDiagnostics.MessageTokenTag, callback.MessageToken);
        var started = timeProvider.GetTimestamp();

        ViberMessage? welcomeMessage = null;
        Exception? failure = null;
        string? failedStep = null;
        foreach (var descriptor in handlers)
        {
            using var handlerActivity = ViberActivities.Source.StartActivity(ViberDiagnostics.HandlerActivityName);
            handlerActivity?.SetTag(ViberDiagnostics.HandlerTag, descriptor.Name);
            try
            {
                if (descriptor.Factory is not { } factory)
                {
                    // A delegate from On<T>, called as it is. T is TCallback or ViberCallback, and Func's
                    // contravariance takes both; the descriptor was only picked for this type when it is one of them.
                    await ((Func<TCallback, IServiceProvider, CancellationToken, Task>)descriptor.Delegate!)(callback, services, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var handler = factory(services);
                if (handler is IViberEventHandler<TCallback> specific)
                {
                    await specific.HandleAsync(callback, cancellationToken).ConfigureAwait(false);
                }

                // A handler of every callback also gets this one; TCallback is concrete, so this is never the call just made.
                if (handler is IViberEventHandler<ViberCallback> all)
                {
                    await all.HandleAsync(callback, cancellationToken).ConfigureAwait(false);
                }

                if (callback is ConversationStartedCallback conversationStarted && handler is IViberConversationStartedHandler greeter)
                {
                    var message = await greeter.HandleAsync(conversationStarted, cancellationToken).ConfigureAwait(false);
                    if (message is not null && welcomeMessage is not null)
                    {
                        Log.WelcomeMessageIgnored(logger, descriptor.Name);
                    }
                    else
                    {
                        welcomeMessage ??= message;
                    }
                }
            }
            catch (Exception exception)
            {
                // Not swallowed: logged below with the callback's event and token, and answered 500.
                handlerActivity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
                (failure, failedStep) = (exception, descriptor.Name);
                break;
            }
        }

        if (failure is null && callback is MessageCallback sent && router.HasRoutes)
        {
            var routed = await router.RouteAsync(sent, services, cancellationToken).ConfigureAwait(false);
            (welcomeMessage, failedStep, failure) = (routed.WelcomeMessage, routed.FailedHandler, routed.Exception);
        }

        byte[]? welcome = null;
        if (failure is null && welcomeMessage is not null)
        {
            try
            {
                welcome = ViberWelcomeMessageSerializer.Serialize(welcomeMessage, clientOptions.Value.DefaultSender);
            }
            catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException or Viber.Api.ViberException)
            {
                (failure, failedStep) = (exception, WelcomeMessageStep);
            }
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        if (failure is null)
        {
            await settlement.CompleteAsync(callback, key, claimToken, eventName).ConfigureAwait(false);
            metrics.HandlersCompleted(eventName, ViberOutcomes.Success, elapsed);
            return new ViberProcessResult(ViberProcessOutcome.Succeeded, welcome);
        }

        // Released whatever the reason, so the retry Viber sends after a non-200 answer runs the handlers again.
        await settlement.ReleaseAsync(callback, key, claimToken).ConfigureAwait(false);
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
}
