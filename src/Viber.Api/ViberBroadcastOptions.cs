namespace Viber.Api;

/// <summary>
/// Optional settings of one broadcast: a progress sink, for a stream how many receivers it holds, and how many of its
/// requests may be in flight at once.
/// </summary>
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

    /// <summary>
    /// Gets or sets how many broadcast_message requests of this broadcast may be in flight at once (at least 1), for
    /// one broadcast that should go slower or faster than the others, such as a low-priority one that must leave
    /// connections to the bot's replies. <see langword="null"/>: <see cref="ViberBotClientOptions.BroadcastConcurrency"/>.
    /// Every request still takes a permit of the rate limiter, whatever this is.
    /// </summary>
    public int? MaxConcurrency { get; set; }
}
