using Viber.Api.Requests;

namespace Viber.Api.Client;

/// <summary>
/// The bookkeeping of one broadcast: the result (only failures are kept per receiver), the counts behind
/// <see cref="ViberBroadcastProgress"/>, and the time-left estimate.
/// </summary>
internal sealed class BroadcastRun(
    int? totalReceivers,
    IProgress<ViberBroadcastProgress>? progress,
    int requestsPerWindow,
    TimeSpan window,
    TimeProvider timeProvider)
{
    private readonly long _started = timeProvider.GetTimestamp();
    private int _processed;
    private int _requests;
    private TimeSpan _unpacedTime;
    private int _unpacedRequests;

    /// <summary>Gets the result being built.</summary>
    public BroadcastResult Result { get; } = new();

    /// <summary>Gets a value indicating whether a request was sent, after which problems are reported rather than thrown.</summary>
    public bool AnySent { get; private set; }

    /// <summary>Counts receivers read from the caller's list.</summary>
    /// <param name="count">How many.</param>
    public void AddReceivers(int count) => Result.ReceiverCount += count;

    /// <summary>Lists a receiver that was not sent to.</summary>
    /// <param name="receiver">The id as given.</param>
    /// <param name="status">Why.</param>
    /// <param name="statusMessage">What happened.</param>
    public void AddUnsent(string? receiver, ViberStatus status, string statusMessage)
    {
        Result.Failed.Add(new BroadcastFailure { Receiver = receiver, Status = status, StatusMessage = statusMessage });
        _processed++;
    }

    /// <summary>Marks a request as about to be sent.</summary>
    public void Sending() => AnySent = true;

    /// <summary>Records a request Viber accepted, with its <c>failed_list</c>.</summary>
    /// <param name="receivers">The request's receiver count.</param>
    /// <param name="response">The answer.</param>
    public void Accepted(int receivers, BroadcastMessageResponse response)
    {
        Result.MessageTokens.Add(response.MessageToken);
        foreach (var failure in response.FailedList ?? [])
        {
            Result.Failed.Add(failure);
        }

        _processed += receivers;
    }

    /// <summary>Records a request that failed as a whole: every receiver of it is listed.</summary>
    /// <param name="receivers">The request's receivers.</param>
    /// <param name="status">The status.</param>
    /// <param name="statusMessage">What happened.</param>
    public void Rejected(ArraySegment<string> receivers, ViberStatus status, string statusMessage)
    {
        foreach (var receiver in receivers)
        {
            AddUnsent(receiver, status, statusMessage);
        }
    }

    /// <summary>Counts an answered (or given up) request and how long it took.</summary>
    /// <param name="elapsed">From before the permit to the answer.</param>
    /// <param name="unpaced">Whether a permit was free when it started, so its time is the request's own.</param>
    public void RequestDone(TimeSpan elapsed, bool unpaced)
    {
        _requests++;
        if (unpaced)
        {
            _unpacedTime += elapsed;
            _unpacedRequests++;
        }
    }

    /// <summary>Reports where the broadcast stands, when the caller asked for progress.</summary>
    public void Report()
    {
        if (progress is null)
        {
            return;
        }

        var failed = Result.Failed.Count;
        progress.Report(new ViberBroadcastProgress
        {
            Succeeded = _processed - Math.Min(failed, _processed),
            Failed = failed,
            Requests = _requests,
            TotalReceivers = totalReceivers,
            EstimatedTimeLeft = EstimateTimeLeft(),
        });
    }

    // The last request can go no sooner than the pacing allows (a permit comes back a window after its answer), nor
    // sooner than the remaining requests take one after another.
    private TimeSpan? EstimateTimeLeft()
    {
        if (totalReceivers is not { } total)
        {
            return null;
        }

        var remainingRequests = (Math.Max(0, total - _processed) + ViberBotClient.MaxBroadcastReceiversPerRequest - 1) / ViberBotClient.MaxBroadcastReceiversPerRequest;
        if (remainingRequests == 0)
        {
            return TimeSpan.Zero;
        }

        var requestTime = _unpacedRequests == 0 ? TimeSpan.Zero : _unpacedTime / _unpacedRequests;
        var windowsBeforeLast = (_requests + remainingRequests - 1) / requestsPerWindow;
        var paced = ((window + requestTime) * windowsBeforeLast) - timeProvider.GetElapsedTime(_started);
        var sequential = requestTime * remainingRequests;
        return paced > sequential ? paced : sequential;
    }
}
