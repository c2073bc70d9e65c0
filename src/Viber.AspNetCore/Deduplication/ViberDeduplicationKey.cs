using System.Globalization;
using System.Security.Cryptography;
using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Deduplication;

/// <summary>
/// Builds the key that tells a retried callback (Viber re-sends the same body until it gets 200) from a new one.
/// </summary>
internal static class ViberDeduplicationKey
{
    /// <summary>Builds a callback's key.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="body">The raw body it was read from.</param>
    /// <returns>The key.</returns>
    public static string Create(ViberCallback callback, ReadOnlySpan<byte> body)
    {
        // No message token (an unknown event, say): only the body itself identifies the callback.
        if (callback.MessageToken is not { } token)
        {
            return Join(callback.Event, "#" + Hash(body));
        }

        // A broadcast has one message token for all its receivers, so the callbacks about it (seen, failed, ...) need
        // the user; the callback itself says where its user id is, so no event is listed here.
        var eventAndToken = Join(callback.Event, token.ToString(CultureInfo.InvariantCulture));
        var key = callback.GetUserId() is { } userId ? Join(eventAndToken, userId) : eventAndToken;

        // Viber sends one delivered per device of the user, with the same message token and user id, so those
        // two cannot tell devices apart. A retry re-sends the same bytes while each device's callback differs
        // (at least in its timestamp), so the body hash keeps every device's delivered and drops only retries.
        return callback is DeliveredCallback ? Join(key, Hash(body)) : key;
    }

    private static string Join(params ReadOnlySpan<string> parts) => string.Join(':', parts);

    private static string Hash(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);

        // 128 bits are plenty to tell bodies apart and keep keys short.
        return Convert.ToHexStringLower(hash[..16]);
    }
}
