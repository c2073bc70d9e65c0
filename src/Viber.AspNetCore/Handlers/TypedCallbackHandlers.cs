using System.Diagnostics;
using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Handlers;

/// <summary>The handlers of callbacks of type <typeparamref name="TCallback"/>, in registration order.</summary>
/// <typeparam name="TCallback">The callback's concrete type.</typeparam>
/// <param name="handlers">The handlers that take <typeparamref name="TCallback"/>.</param>
internal sealed class TypedCallbackHandlers<TCallback>(ViberHandlerDescriptor[] handlers) : CallbackHandlers
    where TCallback : ViberCallback
{
    public override ValueTask<ViberProcessResult> ProcessAsync(
        ViberCallbackProcessor processor,
        ViberCallback callback,
        string key,
        string claimToken,
        IServiceProvider services,
        ActivityContext parent,
        CancellationToken cancellationToken)
        => processor.ProcessAsync((TCallback)callback, handlers, key, claimToken, services, parent, cancellationToken);
}
