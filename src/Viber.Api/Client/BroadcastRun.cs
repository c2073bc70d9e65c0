using Viber.Api.Requests;

namespace Viber.Api.Client;

/// <summary>
/// The bookkeeping of one broadcast: the result (only failures are kept per receiver), the counts behind
/// <see cref="ViberBroadcastProgress"/>, and the time-left estimate. Requests in flight at once finish on any thread,
/// so everything shared is under one lock; the progress is reported under it too, so reports never go backwards.
/// </summary>
internal sealed class BroadcastRun(
    int? totalReceivers,
    IProgress<ViberBroadcastProgress>? progress,
    int requestsPerWindow,
    TimeSpan window,
    int concurrency,
    TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly long _started = timeProvider.GetTimestamp();

    // Chunks not yet moved into the result, in request order: a chunk answered early waits here for the earlier ones.
    private readonly Queue<BroadcastChunk> _pending = new();
    private int _processed;
    private int _failed;
    private int _requests;
    private TimeSpan _unpacedTime;
    private int _unpacedRequests;

    /// <summary>Gets the result being built; complete once every chunk is done.</summary>
    public BroadcastResult Result { get; } = new();

    /// <summary>Gets a value indicating whether a request was sent, after which problems are reported rather than thrown. Read and set by the reading loop only.</summary>
    public bool AnySent { get; private set; }

    /// <summary>Starts the next chunk of receivers read from the caller's list.</summary>
    /// <param name="count">How many receivers were read for it.</param>
    /// <returns>The chunk, to record its outcome on.</returns>
    public BroadcastChunk StartChunk(int count)
    {
        var chunk = new BroadcastChunk();
        lock (_lock)
        {
            Result.ReceiverCount += count;
            _pending.Enqueue(chunk);
        }

        return chunk;
    }

    /// <summary>Lists a receiver of a chunk that was not sent to (before its request starts, or by it).</summary>
    /// <param name="chunk">The chunk.</param>
    /// <param name="receiver">The id as given.</param>
    /// <param name="status">Why.</param>
    /// <param name="statusMessage">What happened.</param>
    public void AddUnsent(BroadcastChunk chunk, string? receiver, ViberStatus status, string statusMessage)
    {
        // A chunk is written by one thread at a time (the reading loop, then its request) and read only once done.
        chunk.Fail(new BroadcastFailure { Receiver = receiver, Status = status, StatusMessage = statusMessage });
        lock (_lock)
        {
            _processed++;
            _failed++;
        }
    }

    /// <summary>Marks a request as about to be sent.</summary>
    public void Sending() => AnySent = true;

    /// <summary>Records a request Viber accepted, with its <c>failed_list</c>.</summary>
    /// <param name="chunk">The request's chunk.</param>
    /// <param name="receivers">The request's receiver count.</param>
    /// <param name="response">The answer.</param>
    public void Accepted(BroadcastChunk chunk, int receivers, BroadcastMessageResponse response)
    {
        chunk.MessageToken = response.MessageToken;
        var failed = 0;
        foreach (var failure in response.FailedList ?? [])
        {
            chunk.Fail(failure);
            failed++;
        }

        lock (_lock)
        {
            _processed += receivers;
            _failed += failed;
        }
    }

    /// <summary>Records a request that failed as a whole: every receiver of it is listed.</summary>
    /// <param name="chunk">The request's chunk.</param>
    /// <param name="receivers">The request's receivers.</param>
    /// <param name="status">The status.</param>
    /// <param name="statusMessage">What happened.</param>
    public void Rejected(BroadcastChunk chunk, ArraySegment<string> receivers, ViberStatus status, string statusMessage)
    {
        foreach (var receiver in receivers)
        {
            AddUnsent(chunk, receiver, status, statusMessage);
        }
    }

    /// <summary>Counts an answered (or given up) request and how long it took.</summary>
    /// <param name="elapsed">From before the permit to the answer.</param>
    /// <param name="unpaced">Whether a permit was free when it started, so its time is the request's own.</param>
    public void RequestDone(TimeSpan elapsed, bool unpaced)
    {
        lock (_lock)
        {
            _requests++;
            if (unpaced)
            {
                _unpacedTime += elapsed;
                _unpacedRequests++;
            }
        }
    }

    /// <summary>
    /// Marks a chunk's outcome final, moves the chunks done so far into the result in request order, and reports
    /// where the broadcast stands when the caller asked for progress.
    /// </summary>
    /// <param name="chunk">The chunk.</param>
    public void Complete(BroadcastChunk chunk)
    {
        lock (_lock)
        {
            chunk.Done = true;
            while (_pending.TryPeek(out var head) && head.Done)
            {
                _pending.Dequeue();
                if (head.MessageToken is { } token)
                {
                    Result.MessageTokens.Add(token);
                }

                foreach (var failure in head.Failures ?? [])
                {
                    Result.Failed.Add(failure);
                }
            }

            progress?.Report(new ViberBroadcastProgress
            {
                Succeeded = _processed - Math.Min(_failed, _processed),
                Failed = _failed,
                Requests = _requests,
                TotalReceivers = totalReceivers,
                EstimatedTimeLeft = EstimateTimeLeft(),
            });
        }
    }

    // The last request can go no sooner than the pacing allows (a permit comes back a window after its answer), nor
    // sooner than the remaining requests take, `concurrency` at a time. Called under the lock.
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
        var unpaced = requestTime * ((remainingRequests + concurrency - 1) / concurrency);
        return paced > unpaced ? paced : unpaced;
    }
}
