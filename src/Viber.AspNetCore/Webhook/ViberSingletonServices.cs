using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// Knows which services the app registered as singletons, so that a handler asking for one (the common
/// <c>On&lt;MessageCallback, IViberBotClient&gt;</c>, a logger, options) is served by the root provider instead of
/// creating the request's DI scope for it (a scope, its feature and its disposal when the response ends, per callback).
/// </summary>
/// <remarks>
/// Read once from the service collection: the last registration of a type decides, as it does for the container.
/// Used only over Microsoft's container, where the root hands out the very instance a scope would. Another container
/// (Autofac and the like) may hold registrations the collection does not show, so there every request goes to the
/// scope, as do keyed services, <see cref="IEnumerable{T}"/> and anything not registered as a singleton.
/// </remarks>
internal sealed class ViberSingletonServices
{
    private readonly FrozenSet<Type> _singletons;
    private readonly FrozenSet<Type> _registered;
    private readonly FrozenSet<Type> _openGenericSingletons;

    /// <summary>Initializes a new instance of the <see cref="ViberSingletonServices"/> class.</summary>
    /// <param name="services">The app's service collection, complete (the container is built).</param>
    /// <param name="root">The root provider.</param>
    public ViberSingletonServices(IServiceCollection services, IServiceProvider root)
    {
        Root = root;
        var lifetimes = new Dictionary<Type, ServiceLifetime>();
        if (root.GetType().Assembly == typeof(ServiceProvider).Assembly)
        {
            foreach (var descriptor in services)
            {
                if (!descriptor.IsKeyedService)
                {
                    lifetimes[descriptor.ServiceType] = descriptor.Lifetime;
                }
            }
        }

        _registered = lifetimes.Keys.ToFrozenSet();
        _singletons = lifetimes.Where(static pair => pair.Value == ServiceLifetime.Singleton && !pair.Key.IsGenericTypeDefinition)
            .Select(static pair => pair.Key)
            .ToFrozenSet();
        _openGenericSingletons = lifetimes.Where(static pair => pair.Value == ServiceLifetime.Singleton && pair.Key.IsGenericTypeDefinition)
            .Select(static pair => pair.Key)
            .ToFrozenSet();
    }

    /// <summary>Gets the root provider.</summary>
    public IServiceProvider Root { get; }

    /// <summary>Tells whether the root resolves a service exactly as a scope would: it is registered as a singleton.</summary>
    /// <param name="serviceType">The service asked for.</param>
    /// <returns><see langword="true"/> for a singleton (its last registration, or that of its open generic type when it has none of its own).</returns>
    public bool IsSingleton(Type serviceType)
        => _singletons.Contains(serviceType)
            || (serviceType.IsConstructedGenericType
                && !_registered.Contains(serviceType)
                && _openGenericSingletons.Contains(serviceType.GetGenericTypeDefinition()));
}
