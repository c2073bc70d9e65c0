using System.Globalization;
using System.Runtime.CompilerServices;
using System.IO.Hashing;
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
        // Built in one pass into one string (one allocation per callback): the event, then the message token or,
        // without one (an unknown event, say), a hash of the body, which alone identifies the callback then.
        Span<char> hash = stackalloc char[HashChars];
        if (callback.MessageToken is not { } token)
        {
            WriteHash(body, hash);
            return string.Concat(callback.Event, ":#", hash);
        }

        // A broadcast has one message token for all its receivers, so the callbacks about it (seen, failed, ...) need
        // the user; the callback itself says where its user id is, so no event is listed here.
        // Viber sends one delivered per device of the user, with the same message token and user id, so those
        // two cannot tell devices apart. A retry re-sends the same bytes while each device's callback differs
        // (at least in its timestamp), so the body hash keeps every device's delivered and drops only retries.
        var userId = callback.GetUserId();
        var withHash = callback is DeliveredCallback;
        if (withHash)
        {
            WriteHash(body, hash);
        }

        var builder = new DefaultInterpolatedStringHandler(3, 4, CultureInfo.InvariantCulture, stackalloc char[256]);
        builder.AppendFormatted(callback.Event);
        builder.AppendLiteral(":");
        builder.AppendFormatted(token);
        if (userId is not null)
        {
            builder.AppendLiteral(":");
            builder.AppendFormatted(userId);
        }

        if (withHash)
        {
            builder.AppendLiteral(":");
            builder.AppendFormatted((ReadOnlySpan<char>)hash);
        }

        return builder.ToStringAndClear();
    }

    // 128 bits tell bodies apart. XxHash128 rather than a cryptographic hash: the body passed the signature check,
    // so nobody but Viber chooses it and collisions cannot be aimed for, and it costs a fraction of a SHA-256 call.
    private const int HashChars = 32;

    private static void WriteHash(ReadOnlySpan<byte> body, Span<char> destination)
    {
        Span<byte> hash = stackalloc byte[HashChars / 2];
        XxHash128.Hash(body, hash);
        Convert.TryToHexStringLower(hash, destination, out _);
    }
}
