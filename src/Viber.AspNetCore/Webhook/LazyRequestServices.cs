using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// The request's services as handed to handlers, reached only when a handler asks for a service: reading
/// <see cref="HttpContext.RequestServices"/> creates the request's DI scope (and its disposal when the response
/// ends), which a handler that resolves nothing, the common no-op or delegate handler, never needs.
/// Every call goes to that same scope, so scoped services are shared with the rest of the request as before.
/// </summary>
/// <param name="context">The request.</param>
internal sealed class LazyRequestServices(HttpContext context) : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider
{
    public object? GetService(Type serviceType) => context.RequestServices.GetService(serviceType);

    public object GetRequiredService(Type serviceType) => context.RequestServices.GetRequiredService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) => Keyed.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => Keyed.GetRequiredKeyedService(serviceType, serviceKey);

    private IKeyedServiceProvider Keyed => context.RequestServices as IKeyedServiceProvider
        ?? throw new InvalidOperationException("The request's service provider does not support keyed services.");
}
