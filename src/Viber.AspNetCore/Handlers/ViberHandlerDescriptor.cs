using Viber.Api.Callbacks;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// One registered handler, in registration order: how to get it from a scope (or the delegate to call) and which
/// callbacks it takes. Registered as a singleton instance per handler so the order of the service collection is the
/// dispatch order.
/// </summary>
internal sealed class ViberHandlerDescriptor
{
    // The callback type of a delegate handler (On<TCallback>); null for a handler resolved from DI.
    private readonly Type? _delegateCallbackType;

    // How the handler class can be built outside the container (see ForDispatch); null when it must come from DI.
    private readonly ViberHandlerActivation? _activation;

    /// <summary>Initializes a descriptor of a handler resolved from the callback's scope.</summary>
    /// <param name="handlerType">The handler's type, whose interfaces say which callbacks it takes.</param>
    /// <param name="name">The name used in logs and traces.</param>
    /// <param name="factory">Resolves the handler from the callback's scope.</param>
    /// <param name="activation">
    /// How <paramref name="handlerType"/> is built from its one public constructor, or <see langword="null"/> when the
    /// handler must always be resolved through <paramref name="factory"/>.
    /// </param>
    public ViberHandlerDescriptor(Type handlerType, string name, Func<IServiceProvider, object> factory, ViberHandlerActivation? activation = null)
    {
        HandlerType = handlerType;
        Name = name;
        Factory = factory;
        _activation = activation;
    }

    private ViberHandlerDescriptor(Type callbackType, string name, Delegate handler)
    {
        HandlerType = handler.GetType();
        Name = name;
        Delegate = handler;
        _delegateCallbackType = callbackType;
    }

    /// <summary>Gets the type of the handler (for a delegate, the delegate's type).</summary>
    public Type HandlerType { get; }

    /// <summary>Gets the name used in logs and traces.</summary>
    public string Name { get; }

    /// <summary>Gets the factory that resolves the handler from the callback's scope; <see langword="null"/> for a delegate.</summary>
    public Func<IServiceProvider, object>? Factory { get; }

    /// <summary>
    /// Gets the delegate of an <c>On&lt;TCallback&gt;</c> handler, a <c>Func&lt;TCallback, IServiceProvider,
    /// CancellationToken, Task&gt;</c> called as it is (no wrapper object per callback); <see langword="null"/> when
    /// the handler comes from <see cref="Factory"/>.
    /// </summary>
    public Delegate? Delegate { get; }

    /// <summary>
    /// Gets the descriptor the dispatch runs. A handler class that the app registered only through
    /// <c>AddEventHandler</c> as scoped or transient (and that is not disposable) is constructed directly, as
    /// ASP.NET Core constructs a controller (<see cref="ViberHandlerActivation"/>): singleton parameters come from the
    /// root, so the request's DI scope is created only when the handler needs a scoped service. Resolving it as a
    /// scoped service created that scope (its cache and its disposal) for every callback, about 0.4 KB, even for a
    /// handler that only takes the client and a logger. The instances it gets are the ones
    /// the container would give it, and it is still one instance per callback. Any other registration (a factory, a
    /// replacement, a singleton, another container) keeps the container's resolution.
    /// </summary>
    /// <param name="services">What the app registered.</param>
    /// <returns>This descriptor, or one that constructs the handler directly.</returns>
    public ViberHandlerDescriptor ForDispatch(ViberSingletonServices services)
    {
        if (_activation is not { } activation
            || !services.IsConstructedPerUse(HandlerType)
            || typeof(IDisposable).IsAssignableFrom(HandlerType)
            || typeof(IAsyncDisposable).IsAssignableFrom(HandlerType))
        {
            return this;
        }

        return new ViberHandlerDescriptor(HandlerType, Name, activation.CreateFactory(services));
    }

    /// <summary>Creates the descriptor of a delegate handler.</summary>
    /// <typeparam name="TCallback">The callback type; <see cref="ViberCallback"/> for every callback.</typeparam>
    /// <param name="name">The name used in logs and traces.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>The descriptor.</returns>
    public static ViberHandlerDescriptor ForDelegate<TCallback>(string name, Func<TCallback, IServiceProvider, CancellationToken, Task> handler)
        where TCallback : ViberCallback
        => new(typeof(TCallback), name, handler);

    /// <summary>Tells whether the handler takes callbacks of type <typeparamref name="TCallback"/>.</summary>
    /// <typeparam name="TCallback">The callback type.</typeparam>
    /// <returns><see langword="true"/> when the handler takes it directly, as any callback, or as a conversation start.</returns>
    public bool Handles<TCallback>()
        where TCallback : ViberCallback
        => _delegateCallbackType is { } callbackType
            ? callbackType == typeof(TCallback) || callbackType == typeof(ViberCallback)
            : typeof(IViberEventHandler<TCallback>).IsAssignableFrom(HandlerType)
                || typeof(IViberEventHandler<ViberCallback>).IsAssignableFrom(HandlerType)
                || (typeof(TCallback) == typeof(ConversationStartedCallback)
                    && typeof(IViberConversationStartedHandler).IsAssignableFrom(HandlerType));
}
