using Viber.Api;
using Viber.Api.Callbacks;

/// <summary>What <see cref="SmokeDeliveredHandler"/> received, and the client it was built with.</summary>
internal sealed class SmokeDeliveries
{
    /// <summary>Gets the first delivered callback and the handler's client.</summary>
    public TaskCompletionSource<(DeliveredCallback Callback, IViberBotClient Client)> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
