using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// How a handler class with one public constructor is built outside the container, as ASP.NET Core builds a
/// controller. Read from the class when it is added, where its constructor is visible to the trimmer.
/// </summary>
internal sealed class ViberHandlerActivation
{
    private readonly Func<Type[], ObjectFactory> _createFactory;

    // The constructor's parameter types, or null when a parameter names a keyed service: those are left to the
    // container's rules through the callback's services.
    private readonly Type[]? _parameterTypes;

    private ViberHandlerActivation(Func<Type[], ObjectFactory> createFactory, Type[]? parameterTypes)
    {
        _createFactory = createFactory;
        _parameterTypes = parameterTypes;
    }

    /// <summary>Reads how to build a handler class, when it has exactly one public constructor.</summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <returns>The activation, or <see langword="null"/> with several public constructors, among which the container chooses.</returns>
    public static ViberHandlerActivation? For<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class
    {
        var constructors = typeof(THandler).GetConstructors();
        if (constructors.Length != 1)
        {
            return null;
        }

        var parameters = constructors[0].GetParameters();
        var keyed = parameters.Any(static parameter => parameter.IsDefined(typeof(FromKeyedServicesAttribute)) || parameter.IsDefined(typeof(ServiceKeyAttribute)));
        return new ViberHandlerActivation(
            static argumentTypes => ActivatorUtilities.CreateFactory(typeof(THandler), argumentTypes),
            keyed ? null : [.. parameters.Select(static parameter => parameter.ParameterType)]);
    }

    /// <summary>
    /// Creates the factory the dispatch calls with a callback's services. When every constructor parameter is a
    /// singleton, they are resolved once, from the root, on first use, and each callback only runs the constructor;
    /// otherwise each parameter is asked of the callback's services, which serve singletons from the root and create
    /// the request's scope for the rest.
    /// </summary>
    /// <param name="services">What the app registered.</param>
    /// <returns>The factory.</returns>
    public Func<IServiceProvider, object> CreateFactory(ViberSingletonServices services)
    {
        if (_parameterTypes is { } parameterTypes && parameterTypes.All(services.IsSingleton))
        {
            var construct = _createFactory(parameterTypes);
            object?[]? arguments = null;

            // A race on first use resolves the same singletons twice, harmlessly.
            return requestServices => construct(requestServices, arguments ??= Resolve(services.Root, parameterTypes));
        }

        var activate = _createFactory(Type.EmptyTypes);
        return requestServices => activate(requestServices, null);
    }

    private static object?[] Resolve(IServiceProvider root, Type[] parameterTypes)
        => [.. parameterTypes.Select(root.GetRequiredService)];
}
