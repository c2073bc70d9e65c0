using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Viber.AspNetCore.Webhook;

/// <summary>Reads a request body once into a pooled buffer, refusing bodies over a limit without reading them whole.</summary>
internal static class RequestBodyReader
{
    private const int InitialBufferSize = 4096;

    // Never rent an empty array (a Content-Length of 0, a tiny limit): a small buffer costs nothing and needs no
    // special case.
    private const int MinBufferSize = 256;

    // The most rented before any byte has arrived. A Content-Length is the sender's word, read before the signature
    // can be checked: a buffer of the declared size let unsigned requests that declare 1 MiB and send one byte commit
    // 1 MiB each, and 2,000 of them ended a bot under a 512 MB heap limit (benchmarks/flood, --slow-body). Past this,
    // the buffer grows with the bytes that arrive (at most twice what they need). Callbacks are a few KB, so they
    // still take one rent of their declared size.
    private const int MaxUpfrontBufferSize = 16 * 1024;

    /// <summary>Reads the body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="limit">The largest body accepted, in bytes.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>The body, or <see langword="null"/> when it is larger than <paramref name="limit"/>.</returns>
    public static async ValueTask<PooledBody?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // The limit means payload bytes however the body arrives, and the loop below counts exactly those on every
        // server. The server's own limit must not undercut it: with a Content-Length it is set to the limit (the
        // declared length is the payload), but a chunked body is measured by Kestrel with its chunk framing, which
        // refused bodies a few KB under the limit, so there it is lifted and the loop alone refuses the body once its
        // bytes pass the limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = request.ContentLength is null ? null : limit;
        }

        // The largest body held: the limit, or the largest array when the limit is past it (about 2 GB).
        var largest = (int)Math.Min(limit, Array.MaxLength);
        var upfront = Math.Min(request.ContentLength ?? InitialBufferSize, Math.Min(largest, MaxUpfrontBufferSize));
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max((int)upfront, MinBufferSize));
        var length = 0;

        // The body's pipe, not its stream: a body that arrives with its headers is read in one call, where the stream
        // took a second call to see its end, each through the stream's own async step. A middleware that replaces the
        // body (request decompression) gets a pipe over its stream.
        var reader = request.BodyReader;
        try
        {
            // To the end, even past Content-Length bytes: a middleware that replaces the body (request decompression)
            // keeps the original Content-Length, so the body may be longer than it says.
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var data = result.Buffer;
                if (length + data.Length > largest)
                {
                    reader.AdvanceTo(data.End);
                    return null;
                }

                var needed = length + (int)data.Length;
                if (needed > buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max((long)buffer.Length * 2, needed), largest));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                // Consumed as it comes, so the pipe never holds more than one read's bytes, whatever the limit.
                data.CopyTo(buffer.AsSpan(length));
                length = needed;
                reader.AdvanceTo(data.End);
                if (result.IsCompleted)
                {
                    break;
                }

                if (result.IsCanceled)
                {
                    // Only a CancelPendingRead does this; the body stream throws the same way.
                    throw new OperationCanceledException("The read of the request body was canceled.");
                }
            }

            var body = new PooledBody(buffer, length);
            buffer = null;
            return body;
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
