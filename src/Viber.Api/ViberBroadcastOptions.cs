namespace Viber.Api;

/// <summary>Optional settings of one broadcast: a progress sink and, for a stream, how many receivers it holds.</summary>
public sealed class ViberBroadcastOptions
{
    /// <summary>
    /// Gets or sets where progress is reported: once after every broadcast_message request (and after receivers that
    /// could not be sent at all). <see langword="null"/>: no progress is reported.
    /// </summary>
    /// <remarks>
    /// With several requests in flight (<see cref="ViberBotClientOptions.BroadcastConcurrency"/>) the reports come from
    /// whichever thread finished a request, but one at a time and in order, each counting at least as much as the one
    /// before. A <see cref="Progress{T}"/> posts each report to the thread pool or a synchronization context and may
    /// reorder them; keep the latest with an <see cref="IProgress{T}"/> of your own when the order matters.
    /// </remarks>
    public IProgress<ViberBroadcastProgress>? Progress { get; set; }

    /// <summary>
    /// Gets or sets how many receivers the broadcast will have, when the caller knows it but the receivers are a stream
    /// (for example a database query and its <c>COUNT</c>). It only feeds <see cref="ViberBroadcastProgress.TotalReceivers"/>
    /// and <see cref="ViberBroadcastProgress.EstimatedTimeLeft"/>; the broadcast sends what the stream yields.
    /// <see langword="null"/>: the count of an <see cref="ICollection{T}"/> or <see cref="IReadOnlyCollection{T}"/>,
    /// or unknown.
    /// </summary>
    public int? ReceiverCount { get; set; }
}
