using Viber.Api.Callbacks;
using Viber.Api.Messages;

namespace Viber.AspNetCore.Handlers;

/// <summary>A welcome-message handler given as a delegate; created per callback with the callback's scope.</summary>
internal sealed class DelegateConversationStartedHandler(
    Func<ConversationStartedCallback, IServiceProvider, CancellationToken, Task<ViberMessage?>> handler,
    IServiceProvider services) : IViberConversationStartedHandler
{
    public Task<ViberMessage?> HandleAsync(ConversationStartedCallback callback, CancellationToken cancellationToken)
        => handler(callback, services, cancellationToken);
}
