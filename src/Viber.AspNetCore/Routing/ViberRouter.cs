using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Handlers;

namespace Viber.AspNetCore.Routing;

/// <summary>
/// Routes a message to the first route, in registration order, whose matcher takes it; the fallback gets what no
/// route took. Matchers are built (templates and patterns compiled) when routes are added, so routing a message is
/// a walk over an array.
/// </summary>
internal sealed class ViberRouter
{
    private readonly ViberRouteDescriptor[] _routes;
    private readonly ViberRouteDescriptor? _fallback;
    private readonly IOptions<ViberBotClientOptions> _clientOptions;
    private readonly ILogger<ViberRouter> _logger;

    public ViberRouter(IEnumerable<ViberRouteDescriptor> routes, IOptions<ViberBotClientOptions> clientOptions, ILogger<ViberRouter> logger)
    {
        var all = routes.ToArray();
        _routes = [.. all.Where(route => !route.IsFallback)];

        // The first fallback added wins, wherever it was added: a fallback added before other routes must not hide them.
        _fallback = all.FirstOrDefault(route => route.IsFallback);
        _clientOptions = clientOptions;
        _logger = logger;
    }

    /// <summary>Gets a value indicating whether any route or a fallback was added.</summary>
    public bool HasRoutes => _routes.Length > 0 || _fallback is not null;

    /// <summary>Runs the route that takes the message, if any.</summary>
    /// <param name="callback">The message callback.</param>
    /// <param name="services">The callback's scope.</param>
    /// <param name="cancellationToken">Cancels the route's work.</param>
    /// <returns>Success, or the route that failed and what it threw.</returns>
    public async Task<ViberDispatchResult> RouteAsync(MessageCallback callback, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (callback.Message is null)
        {
            RoutingLog.NoRouteMatched(_logger, null, callback.MessageToken);
            return default;
        }

        var context = new ViberMessageContext(
            callback,
            services.GetRequiredService<IViberBotClient>(),
            services,
            defaultSender: _clientOptions.Value.DefaultSender,
            cancellationToken: cancellationToken);
        foreach (var route in _routes)
        {
            bool matched;
            try
            {
                matched = route.Matcher!.TryMatch(context);
            }
            catch (Exception exception)
            {
                // A predicate that throws fails the callback like a handler would (500, Viber retries), named after its route.
                return new ViberDispatchResult(null, route.Name, exception);
            }

            if (matched)
            {
                return await RunAsync(route, context, callback).ConfigureAwait(false);
            }
        }

        if (_fallback is not null)
        {
            return await RunAsync(_fallback, context, callback).ConfigureAwait(false);
        }

        RoutingLog.NoRouteMatched(_logger, callback.Message.Type, callback.MessageToken);
        return default;
    }

    private async Task<ViberDispatchResult> RunAsync(ViberRouteDescriptor route, ViberMessageContext context, MessageCallback callback)
    {
        RoutingLog.RouteMatched(_logger, route.Name, callback.MessageToken);
        using var activity = ViberActivities.Source.StartActivity(ViberDiagnostics.HandlerActivityName);
        activity?.SetTag(ViberDiagnostics.HandlerTag, route.Name);
        try
        {
            await route.Handler(context).ConfigureAwait(false);
            return default;
        }
        catch (Exception exception)
        {
            // Not swallowed: the processor logs it with the callback's event and token and answers 500.
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            return new ViberDispatchResult(null, route.Name, exception);
        }
    }
}
