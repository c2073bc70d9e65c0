using Viber.Api;
using Viber.Api.Callbacks;
using Viber.AspNetCore;

/// <summary>
/// A handler class added with AddEventHandler (scoped): in the AOT binary it is built from its constructor, its
/// dependencies asked of the callback's services.
/// </summary>
/// <param name="viber">The client, a singleton.</param>
/// <param name="deliveries">Where the handler reports what it got.</param>
internal sealed class SmokeDeliveredHandler(IViberBotClient viber, SmokeDeliveries deliveries) : IViberEventHandler<DeliveredCallback>
{
    /// <inheritdoc />
    public Task HandleAsync(DeliveredCallback callback, CancellationToken cancellationToken)
    {
        deliveries.Received.TrySetResult((callback, viber));
        return Task.CompletedTask;
    }
}
