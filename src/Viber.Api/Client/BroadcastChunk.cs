namespace Viber.Api.Client;

/// <summary>
/// What became of one chunk of a broadcast's receivers (up to 300, one request): kept until every earlier chunk is
/// done too, so <see cref="Requests.BroadcastResult"/> lists tokens and failures in request order although requests
/// are answered in any order.
/// </summary>
internal sealed class BroadcastChunk
{
    /// <summary>Gets or sets the token of the accepted request, if it was.</summary>
    public long? MessageToken { get; set; }

    /// <summary>Gets the receivers of this chunk that were not reached; made on the first one.</summary>
    public List<Requests.BroadcastFailure>? Failures { get; private set; }

    /// <summary>Gets or sets a value indicating whether the chunk's outcome is final.</summary>
    public bool Done { get; set; }

    /// <summary>Lists a receiver that was not reached.</summary>
    /// <param name="failure">Who and why.</param>
    public void Fail(Requests.BroadcastFailure failure) => (Failures ??= []).Add(failure);
}
