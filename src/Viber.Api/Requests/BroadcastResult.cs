namespace Viber.Api.Requests;

/// <summary>
/// The outcome of a broadcast to any number of receivers, sent as several broadcast_message requests of at most
/// 300 receivers. Every receiver is accounted for: it either belongs to a request that Viber accepted and is not
/// in <see cref="Failed"/>, or it is in <see cref="Failed"/> with its status.
/// </summary>
public sealed class BroadcastResult
{
    /// <summary>Gets the message token of each accepted request, in request order.</summary>
    public IList<long> MessageTokens { get; } = [];

    /// <summary>Gets every receiver that was not reached, with its status (a whole rejected request lists all its receivers).</summary>
    public IList<BroadcastFailure> Failed { get; } = [];

    /// <summary>Gets or sets the number of receivers the broadcast was asked to reach.</summary>
    public int ReceiverCount { get; set; }

    /// <summary>Gets the number of receivers Viber accepted.</summary>
    public int SucceededCount => ReceiverCount - Failed.Count;

    /// <summary>Gets a value indicating whether every receiver was reached.</summary>
    public bool AllSucceeded => Failed.Count == 0;
}
