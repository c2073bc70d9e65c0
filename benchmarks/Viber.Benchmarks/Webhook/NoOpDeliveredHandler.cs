using Viber.Api.Callbacks;
using Viber.AspNetCore;

namespace Viber.Benchmarks.Webhook;

/// <summary>
/// A handler class as samples write them: registered with <c>AddEventHandler</c> (scoped by default), its one
/// dependency a singleton, doing nothing but optionally yielding as a handler that sends a reply does.
/// </summary>
/// <param name="logger">A singleton dependency, as a handler's logger or client is.</param>
/// <param name="settings">Whether to yield.</param>
public sealed class NoOpDeliveredHandler(ILogger<NoOpDeliveredHandler> logger, NoOpHandlerSettings settings) : IViberEventHandler<DeliveredCallback>
{
    /// <inheritdoc />
    public async Task HandleAsync(DeliveredCallback callback, CancellationToken cancellationToken)
    {
        if (settings.Yield)
        {
            await Task.Yield();
        }

        if (callback.MessageToken is null && logger.IsEnabled(LogLevel.Warning))
        {
            throw new InvalidOperationException("A delivered callback without a message token.");
        }
    }
}
