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

    /// <summary>Marks a request as about to be sent.</summary>
    public void Sending() => AnySent = true;

    /// <summary>Completes a chunk whose request was answered (or given up on), counting how long it took.</summary>
    /// <param name="chunk">The request's chunk.</param>
    /// <param name="elapsed">From before the permit to the answer.</param>
    /// <param name="unpaced">Whether a permit was free when it started, so its time is the request's own.</param>
    public void RequestDone(BroadcastChunk chunk, TimeSpan elapsed, bool unpaced)
    {
        lock (_lock)
        {
            _requests++;
            if (unpaced)
            {
                _unpacedTime += elapsed;
                _unpacedRequests++;
            }

            CompleteLocked(chunk);
        }
    }

    /// <summary>Completes a chunk that sent no request (all its receivers were invalid, or it was too large).</summary>
    /// <param name="chunk">The chunk.</param>
    public void Complete(BroadcastChunk chunk)
    {
        lock (_lock)
        {
            CompleteLocked(chunk);
        }
    }

    // Counts the chunk, moves the chunks done so far into the result in request order, and reports where the
    // broadcast stands: one report per chunk, each counting one more request than the last when the chunk sent one.
    private void CompleteLocked(BroadcastChunk chunk)
    {
        chunk.Done = true;
        _processed += chunk.Processed;
        _failed += chunk.Failures?.Count ?? 0;
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
            Succeeded = Math.Max(0, _processed - _failed),
            Failed = _failed,
            Requests = _requests,
            TotalReceivers = totalReceivers,
            EstimatedTimeLeft = EstimateTimeLeft(),
        });
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
