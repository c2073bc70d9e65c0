namespace Viber.AspNetCore.Background;

/// <summary>
/// Where background mode puts a callback it answers 200 for. The default is <see cref="ViberBackgroundQueue"/>
/// (bounded, in memory, drained by <see cref="ViberBackgroundDispatcher"/>); a durable queue (Redis Streams in
/// <c>Viber.AspNetCore.Redis</c>) replaces it in DI together with its own workers.
/// </summary>
/// <remarks>
/// The webhook has already claimed the callback's deduplication key when it calls <see cref="EnqueueAsync"/>: on
/// any answer but <see cref="ViberEnqueueResult.Queued"/>, or an exception, it releases the key and answers 503, so
/// Viber retries. An implementation must therefore return <see cref="ViberEnqueueResult.Queued"/> only once the
/// callback is stored as durably as it promises, and throw (not return) when its storage failed.
/// </remarks>
internal interface IViberBackgroundQueue
{
    /// <summary>Stores a verified, claimed callback for the background workers.</summary>
    /// <param name="item">The callback, its raw body, its claimed key and its trace context.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>Whether it was queued, and why not.</returns>
    ValueTask<ViberEnqueueResult> EnqueueAsync(ViberWorkItem item, CancellationToken cancellationToken);
}
