using Viber.Api.Requests;

namespace Viber.Api.Client;

/// <summary>
/// What became of one chunk of a broadcast's receivers (up to 300, one request). Written by one thread at a time (the
/// reading loop, then its request) and read by others only once <see cref="BroadcastRun"/> completed it under its lock;
/// kept until every earlier chunk is done too, so <see cref="BroadcastResult"/> lists tokens and failures in request
/// order although requests are answered in any order.
/// </summary>
internal sealed class BroadcastChunk
{
    /// <summary>Gets the token of the accepted request, if it was.</summary>
    public long? MessageToken { get; private set; }

    /// <summary>Gets the receivers of this chunk that were not reached; made on the first one.</summary>
    public List<BroadcastFailure>? Failures { get; private set; }

    /// <summary>Gets the receivers of this chunk processed, reached or not.</summary>
    public int Processed { get; private set; }

    /// <summary>Gets or sets a value indicating whether the chunk's outcome is final.</summary>
    public bool Done { get; set; }

    /// <summary>Lists a receiver that was not sent to (before the request, or because it failed).</summary>
    /// <param name="receiver">The id as given.</param>
    /// <param name="status">Why.</param>
    /// <param name="statusMessage">What happened.</param>
    public void AddUnsent(string? receiver, ViberStatus status, string statusMessage)
        => Fail(new BroadcastFailure { Receiver = receiver, Status = status, StatusMessage = statusMessage });

    /// <summary>Records the request Viber accepted, with its <c>failed_list</c>.</summary>
    /// <param name="receivers">The request's receiver count.</param>
    /// <param name="response">The answer.</param>
    public void Accepted(int receivers, BroadcastMessageResponse response)
    {
        MessageToken = response.MessageToken;
        var failed = 0;
        foreach (var failure in response.FailedList ?? [])
        {
            Fail(failure);
            failed++;
        }

        // Viber's failed_list names receivers of this request, so together they make up its receivers.
        Processed += receivers - failed;
    }

    /// <summary>Records a request that failed as a whole (or could not be sent): every receiver of it is listed.</summary>
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

    private void Fail(BroadcastFailure failure)
    {
        (Failures ??= []).Add(failure);
        Processed++;
    }
}
