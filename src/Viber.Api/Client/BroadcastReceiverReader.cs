namespace Viber.Api.Client;

/// <summary>
/// Reads a broadcast's receivers a request's worth at a time from a sequence or an async stream, enumerating it once
/// and holding no more than the caller's buffer, so a broadcast to a million receivers never copies the list.
/// </summary>
internal sealed class BroadcastReceiverReader : IAsyncDisposable
{
    private readonly IEnumerator<string>? _sync;
    private readonly IAsyncEnumerator<string>? _async;

    public BroadcastReceiverReader(IEnumerable<string> receivers) => _sync = receivers.GetEnumerator();

    public BroadcastReceiverReader(IAsyncEnumerable<string> receivers, CancellationToken cancellationToken)
        => _async = receivers.GetAsyncEnumerator(cancellationToken);

    /// <summary>Gets how many receivers were read so far.</summary>
    public int Read { get; private set; }

    /// <summary>Fills the buffer from the start with the next receivers.</summary>
    /// <param name="buffer">The buffer; its length is the most read at once.</param>
    /// <param name="cancellationToken">Cancels between receivers of a synchronous sequence (an async stream got the token when enumerated).</param>
    /// <returns>How many were read; fewer than the buffer's length only at the end.</returns>
    public async ValueTask<int> ReadAsync(string?[] buffer, CancellationToken cancellationToken)
    {
        var count = 0;
        while (count < buffer.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_sync is not null)
            {
                if (!_sync.MoveNext())
                {
                    break;
                }

                buffer[count++] = _sync.Current;
            }
            else
            {
                if (!await _async!.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                buffer[count++] = _async.Current;
            }
        }

        Read += count;
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        _sync?.Dispose();
        if (_async is not null)
        {
            await _async.DisposeAsync().ConfigureAwait(false);
        }
    }
}
