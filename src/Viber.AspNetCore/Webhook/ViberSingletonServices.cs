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
    private readonly FrozenSet<Type> _constructedPerUse;

    /// <summary>Initializes a new instance of the <see cref="ViberSingletonServices"/> class.</summary>
    /// <param name="services">The app's service collection, complete (the container is built).</param>
    /// <param name="root">The root provider.</param>
    public ViberSingletonServices(IServiceCollection services, IServiceProvider root)
    {
        Root = root;
        var lastByType = new Dictionary<Type, ServiceDescriptor>();
        if (root.GetType().Assembly == typeof(ServiceProvider).Assembly)
        {
            foreach (var descriptor in services)
            {
                if (!descriptor.IsKeyedService)
                {
                    lastByType[descriptor.ServiceType] = descriptor;
                }
            }
        }

        _registered = lastByType.Keys.ToFrozenSet();
        var singletons = lastByType.Values.Where(static descriptor => descriptor.Lifetime == ServiceLifetime.Singleton).Select(static descriptor => descriptor.ServiceType).ToList();
        _singletons = singletons.Where(static type => !type.IsGenericTypeDefinition).ToFrozenSet();
        _openGenericSingletons = singletons.Where(static type => type.IsGenericTypeDefinition).ToFrozenSet();
        _constructedPerUse = lastByType.Values
            .Where(static descriptor => descriptor.Lifetime != ServiceLifetime.Singleton && descriptor.ImplementationType == descriptor.ServiceType)
            .Select(static descriptor => descriptor.ServiceType)
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

    /// <summary>
    /// Tells whether the container would build a new instance of the type from its constructor for each scope or use,
    /// and nothing else: its last registration is the type itself (no factory, no other implementation, no instance),
    /// scoped or transient. Such a type can be constructed outside the container with the same result.
    /// </summary>
    /// <param name="type">The type, as registered.</param>
    /// <returns><see langword="true"/> when it is; always <see langword="false"/> over another container than Microsoft's.</returns>
    public bool IsConstructedPerUse(Type type) => _constructedPerUse.Contains(type);
}
