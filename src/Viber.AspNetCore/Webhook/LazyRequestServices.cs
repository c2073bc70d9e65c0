using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// The request's services as handed to handlers, reached only when a handler asks for a service that is not a
/// singleton: reading <see cref="HttpContext.RequestServices"/> creates the request's DI scope (and its disposal when
/// the response ends), which a handler that resolves nothing or only singletons (the client, loggers, options) never
/// needs; those come from the root, the same instances. Every other call goes to that same scope, so scoped services
/// are shared with the rest of the request as before.
/// </summary>
/// <param name="context">The request.</param>
/// <param name="singletons">The app's singleton registrations.</param>
internal sealed class LazyRequestServices(HttpContext context, ViberSingletonServices singletons) : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider
{
    public object? GetService(Type serviceType)
        => singletons.IsSingleton(serviceType) ? singletons.Root.GetService(serviceType) : context.RequestServices.GetService(serviceType);

    public object GetRequiredService(Type serviceType)
        => singletons.IsSingleton(serviceType) ? singletons.Root.GetRequiredService(serviceType) : context.RequestServices.GetRequiredService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) => Keyed.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => Keyed.GetRequiredKeyedService(serviceType, serviceKey);

    private IKeyedServiceProvider Keyed => context.RequestServices as IKeyedServiceProvider
        ?? throw new InvalidOperationException("The request's service provider does not support keyed services.");
}
