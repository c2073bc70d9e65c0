using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// Carries one dispatch's scope and cancellation into <see cref="ViberCallback.Accept{TResult}"/>, which calls back
/// with the callback's concrete type.
/// </summary>
internal sealed class ViberDispatchVisitor(ViberCallbackDispatcher dispatcher, IServiceProvider services, CancellationToken cancellationToken)
    : IViberCallbackVisitor<ValueTask<ViberDispatchResult>>
{
    public ValueTask<ViberDispatchResult> Visit<TCallback>(TCallback callback)
        where TCallback : ViberCallback
        => dispatcher.RunHandlersAsync(callback, services, cancellationToken);
}
