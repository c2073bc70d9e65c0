using System.Collections.Concurrent;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// The registered handlers, and those of each callback type, picked once per type in registration order. The type
/// is reached through the callback itself (<see cref="ViberCallback.Accept{TResult}"/>, no MakeGenericType and no
/// list of callback types here), which keeps dispatch AOT-safe; afterwards a callback finds its handlers with one
/// lookup of its type and allocates nothing for it.
/// </summary>
internal sealed class ViberHandlerTable : IViberCallbackVisitor<CallbackHandlers>
{
    private readonly ViberHandlerDescriptor[] _handlers;
    private readonly ConcurrentDictionary<Type, CallbackHandlers> _byType = new();

    /// <summary>Initializes a new instance of the <see cref="ViberHandlerTable"/> class.</summary>
    /// <param name="handlers">The registered handlers, in registration order.</param>
    /// <param name="services">What the app registered, which says how each handler class can be built.</param>
    public ViberHandlerTable(IEnumerable<ViberHandlerDescriptor> handlers, ViberSingletonServices services)
        => _handlers = [.. handlers.Select(handler => handler.ForDispatch(services))];

    /// <summary>Gets the handlers of a callback's type.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>Its handlers, which run it with its concrete type.</returns>
    public CallbackHandlers For(ViberCallback callback)
    {
        var type = callback.GetType();
        if (!_byType.TryGetValue(type, out var handlers))
        {
            // The first callback of a type picks its handlers; a race picks them twice, harmlessly.
            handlers = _byType.GetOrAdd(type, callback.Accept(this));
        }

        return handlers;
    }

    /// <inheritdoc />
    CallbackHandlers IViberCallbackVisitor<CallbackHandlers>.Visit<TCallback>(TCallback callback)
        => new TypedCallbackHandlers<TCallback>([.. _handlers.Where(handler => handler.Handles<TCallback>())]);
}
