using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Handlers;

/// <summary>A handler given as a delegate; created per callback with the callback's scope.</summary>
/// <typeparam name="TCallback">The callback type.</typeparam>
internal sealed class DelegateEventHandler<TCallback>(
    Func<TCallback, IServiceProvider, CancellationToken, Task> handler,
    IServiceProvider services) : IViberEventHandler<TCallback>
    where TCallback : ViberCallback
{
    public Task HandleAsync(TCallback callback, CancellationToken cancellationToken)
        => handler(callback, services, cancellationToken);
}
