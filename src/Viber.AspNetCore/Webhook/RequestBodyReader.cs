using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Viber.AspNetCore.Webhook;

/// <summary>Reads a request body once into a pooled buffer, refusing bodies over a limit without reading them whole.</summary>
internal static class RequestBodyReader
{
    private const int InitialBufferSize = 4096;

    // Never rent an empty array: a Content-Length of 0 still needs room to see that no byte follows.
    private const int MinBufferSize = 256;

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
        // refused bodies a few KB under the limit, so there it is lifted and the loop alone stops at limit + 1 bytes.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = request.ContentLength is null ? null : limit;
        }

        // One more byte than the limit is enough to know a body of unknown length is too large.
        var maxBuffer = (int)Math.Min(limit + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(request.ContentLength ?? InitialBufferSize, MinBufferSize), maxBuffer));
        var length = 0;
        try
        {
            // To the end, even past Content-Length bytes: a middleware that replaces the body (request decompression)
            // keeps the original Content-Length, so the body may be longer than it says.
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBuffer));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    return null;
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
