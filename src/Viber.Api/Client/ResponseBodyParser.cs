using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Viber.Api.Client;

/// <summary>
/// Parses a Bot API answer: the body is read whole into a pooled buffer, then parsed in one synchronous pass.
/// </summary>
/// <remarks>
/// <see cref="JsonSerializer.DeserializeAsync{TValue}(Stream, JsonTypeInfo{TValue}, CancellationToken)"/> parses
/// through System.Text.Json's resumable path, which keeps state per property for a body that may arrive in pieces,
/// and on a load profile that path cost more per send than reading the body. Viber's answers are small (a send's is
/// about 100 bytes), so holding one whole costs a pooled array at most.
/// </remarks>
internal static class ResponseBodyParser
{
    // Enough for nearly every answer in one read. Content-Length is not read to size it: asking HttpContentHeaders for
    // it stores a parsed header value, an allocation per send, while a pooled array of this size costs none.
    private const int InitialSize = 4096;

    /// <summary>Reads and parses an answer's body.</summary>
    /// <typeparam name="TResponse">The answer's type.</typeparam>
    /// <param name="content">The answer's content.</param>
    /// <param name="responseType">The answer's JSON metadata.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The parsed answer; <see langword="null"/> when the body is JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The body is not JSON of <typeparamref name="TResponse"/> (an empty body included).</exception>
    public static async ValueTask<TResponse?> ParseAsync<TResponse>(HttpContent content, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var grown = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = grown;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                return JsonSerializer.Deserialize(buffer.AsSpan(0, length), responseType);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
