namespace Viber.Api;

/// <summary>
/// Where a broadcast stands, reported through <see cref="ViberBroadcastOptions.Progress"/>. Each report is a new,
/// immutable value, so a <see cref="Progress{T}"/> that hands it to another thread later sees it as it was.
/// </summary>
public sealed record ViberBroadcastProgress
{
    /// <summary>Gets the receivers Viber accepted so far.</summary>
    public required int Succeeded { get; init; }

    /// <summary>Gets the receivers not reached so far (listed in <c>BroadcastResult.Failed</c> at the end).</summary>
    public required int Failed { get; init; }

    /// <summary>Gets the broadcast_message requests answered (or given up on) so far.</summary>
    public required int Requests { get; init; }

    /// <summary>
    /// Gets how many receivers the broadcast has: the count of a collection or <see cref="ViberBroadcastOptions.ReceiverCount"/>;
    /// <see langword="null"/> when unknown (a stream without a count).
    /// </summary>
    public int? TotalReceivers { get; init; }

    /// <summary>
    /// Gets an estimate of the time left, from the broadcast pacing (requests per window) and the time a request has
    /// taken so far, for the receivers not processed yet; <see langword="null"/> when <see cref="TotalReceivers"/> is unknown.
    /// </summary>
    public TimeSpan? EstimatedTimeLeft { get; init; }

    /// <summary>Gets the receivers processed so far, reached or not.</summary>
    public int Processed => Succeeded + Failed;

    /// <summary>Gets the part done, from 0 to 1, for a progress bar; <see langword="null"/> when <see cref="TotalReceivers"/> is unknown.</summary>
    public double? Fraction => TotalReceivers is > 0 and var total ? Math.Min(1d, (double)Processed / total) : null;
}
