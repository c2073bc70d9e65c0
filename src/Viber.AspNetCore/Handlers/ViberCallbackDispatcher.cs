using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Routing;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// Runs a callback's handlers, resolved from the given scope, in registration order. Free of HttpContext so the
/// same code serves the inline webhook and the background workers. Dispatch goes through closed generic types
/// chosen by the callback itself (<see cref="ViberCallback.Accept{TResult}"/>, no MakeGenericType and no list of
/// callback types here), which keeps it AOT-safe. A message runs its event handlers first (every one, in
/// registration order), then the routes (the first that takes it), so handlers that log or audit every message see
/// it whichever route answers.
/// </summary>
internal sealed class ViberCallbackDispatcher
{
    private readonly ViberHandlerDescriptor[] _handlers;

    // The handlers of each callback type, worked out on first use rather than per callback.
    private readonly ConcurrentDictionary<Type, ViberHandlerDescriptor[]> _routes = new();
    private readonly ViberRouter _router;
    private readonly ILogger<ViberCallbackDispatcher> _logger;

    public ViberCallbackDispatcher(IEnumerable<ViberHandlerDescriptor> handlers, ViberRouter router, ILogger<ViberCallbackDispatcher> logger)
    {
        _handlers = [.. handlers];
        _router = router;
        _logger = logger;
    }

    /// <summary>Runs the handlers of a callback, then, for a message, its route; the first failure stops the run.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="services">The callback's scope.</param>
    /// <param name="cancellationToken">Cancels the handlers.</param>
    /// <returns>The welcome message, or the failure.</returns>
    public ValueTask<ViberDispatchResult> DispatchAsync(ViberCallback callback, IServiceProvider services, CancellationToken cancellationToken)
        => callback.Accept(new ViberDispatchVisitor(this, services, cancellationToken));

    /// <summary>Runs the handlers of a callback of a concrete type.</summary>
    /// <typeparam name="TCallback">The callback's concrete type, never <see cref="ViberCallback"/> itself (it is abstract).</typeparam>
    /// <param name="callback">The callback.</param>
    /// <param name="services">The callback's scope.</param>
    /// <param name="cancellationToken">Cancels the handlers.</param>
    /// <returns>The welcome message, or the failure.</returns>
    internal async ValueTask<ViberDispatchResult> RunHandlersAsync<TCallback>(TCallback callback, IServiceProvider services, CancellationToken cancellationToken)
        where TCallback : ViberCallback
    {
        ViberMessage? welcome = null;
        var route = _routes.GetOrAdd(typeof(TCallback), static (_, handlers) => [.. handlers.Where(h => h.Handles<TCallback>())], _handlers);
        foreach (var descriptor in route)
        {
            using var activity = ViberActivities.Source.StartActivity(ViberDiagnostics.HandlerActivityName);
            activity?.SetTag(ViberDiagnostics.HandlerTag, descriptor.Name);
            try
            {
                var handler = descriptor.Factory(services);
                if (handler is IViberEventHandler<TCallback> specific)
                {
                    await specific.HandleAsync(callback, cancellationToken).ConfigureAwait(false);
                }

                // A handler of every callback also gets this one; TCallback is concrete, so this is never the call just made.
                if (handler is IViberEventHandler<ViberCallback> all)
                {
                    await all.HandleAsync(callback, cancellationToken).ConfigureAwait(false);
                }

                if (callback is ConversationStartedCallback started && handler is IViberConversationStartedHandler greeter)
                {
                    var message = await greeter.HandleAsync(started, cancellationToken).ConfigureAwait(false);
                    if (message is not null && welcome is not null)
                    {
                        Log.WelcomeMessageIgnored(_logger, descriptor.Name);
                    }
                    else
                    {
                        welcome ??= message;
                    }
                }
            }
            catch (Exception exception)
            {
                // Not swallowed: the caller logs it with the callback's event and token and answers 500.
                activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
                return new ViberDispatchResult(null, descriptor.Name, exception);
            }
        }

        if (callback is MessageCallback sent && _router.HasRoutes)
        {
            return await _router.RouteAsync(sent, services, cancellationToken).ConfigureAwait(false);
        }

        return new ViberDispatchResult(welcome, null, null);
    }
}
