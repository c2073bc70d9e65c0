using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// One registered handler, in registration order: how to get it from a scope and which callbacks it takes.
/// Registered as a singleton instance per handler so the order of the service collection is the dispatch order.
/// </summary>
internal sealed class ViberHandlerDescriptor
{
    public ViberHandlerDescriptor(Type handlerType, string name, Func<IServiceProvider, object> factory)
    {
        HandlerType = handlerType;
        Name = name;
        Factory = factory;
    }

    /// <summary>Gets the type of the handler (for a delegate, the wrapper type).</summary>
    public Type HandlerType { get; }

    /// <summary>Gets the name used in logs and traces.</summary>
    public string Name { get; }

    /// <summary>Gets the factory that resolves the handler from the callback's scope.</summary>
    public Func<IServiceProvider, object> Factory { get; }

    /// <summary>Tells whether the handler takes callbacks of type <typeparamref name="TCallback"/>.</summary>
    /// <typeparam name="TCallback">The callback type.</typeparam>
    /// <returns><see langword="true"/> when the handler takes it directly, as any callback, or as a conversation start.</returns>
    public bool Handles<TCallback>()
        where TCallback : ViberCallback
        => typeof(IViberEventHandler<TCallback>).IsAssignableFrom(HandlerType)
            || typeof(IViberEventHandler<ViberCallback>).IsAssignableFrom(HandlerType)
            || (typeof(TCallback) == typeof(ConversationStartedCallback)
                && typeof(IViberConversationStartedHandler).IsAssignableFrom(HandlerType));
}
