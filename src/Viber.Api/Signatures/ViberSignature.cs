using System.Security.Cryptography;
using System.Text;

namespace Viber.Api.Signatures;

/// <summary>
/// Computes and verifies Viber's callback signature: lowercase hex HMAC-SHA256 of the raw body, keyed with the
/// UTF-8 auth token. Stateless and thread-safe; comparisons run in constant time.
/// </summary>
public static class ViberSignature
{
    /// <summary>The length of a signature in hexadecimal characters.</summary>
    public const int HexLength = HashSize * 2;

    private const int HashSize = 32;

    /// <summary>Computes the signature Viber would send for a body.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="authToken">The bot's auth token.</param>
    /// <returns>The lowercase hexadecimal signature.</returns>
    public static string Compute(ReadOnlySpan<byte> body, string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        Span<byte> hash = stackalloc byte[HashSize];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(authToken), body, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Checks a signature against a body for one token.</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The signature header or <c>sig</c> query value; hex in either case.</param>
    /// <param name="authToken">The bot's auth token.</param>
    /// <returns>The outcome; never throws for bad input.</returns>
    public static SignatureVerificationResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature, string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        return Verify(body, signature, [Encoding.UTF8.GetBytes(authToken)]);
    }

    /// <summary>Checks a signature against a body for several keys (token rotation, several bots on one URL).</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The signature header or <c>sig</c> query value; hex in either case.</param>
    /// <param name="keys">The UTF-8 bytes of each accepted token.</param>
    /// <returns>The outcome; never throws for bad input.</returns>
    public static SignatureVerificationResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature, IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Span<byte> expected = stackalloc byte[HashSize];
        if (Parse(signature, expected) is { } refused)
        {
            return refused;
        }

        Span<byte> actual = stackalloc byte[HashSize];
        var matched = false;

        // Every key is tried even after a match so the time taken does not reveal which key matched.
        for (var i = 0; i < keys.Count; i++)
        {
            HMACSHA256.HashData(keys[i], body, actual);
            matched |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }

        return matched ? SignatureVerificationResult.Valid : SignatureVerificationResult.Mismatch;
    }

    /// <summary>Checks a signature with HMAC contexts already keyed, one per accepted token; each is reset after use.</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The signature; hex in either case.</param>
    /// <param name="macs">HMAC-SHA256 contexts keyed with each accepted token, used by one thread at a time.</param>
    /// <returns>The outcome; throws only when the cryptography library fails.</returns>
    internal static SignatureVerificationResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature, IncrementalHash[] macs)
    {
        Span<byte> expected = stackalloc byte[HashSize];
        if (Parse(signature, expected) is { } refused)
        {
            return refused;
        }

        Span<byte> actual = stackalloc byte[HashSize];
        var matched = false;

        // Every key is tried even after a match so the time taken does not reveal which key matched.
        foreach (var mac in macs)
        {
            mac.AppendData(body);
            mac.GetHashAndReset(actual);
            matched |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }

        return matched ? SignatureVerificationResult.Valid : SignatureVerificationResult.Mismatch;
    }

    /// <summary>Decodes a signature into <paramref name="expected"/>.</summary>
    /// <returns><see langword="null"/> when it decoded; otherwise why it is refused.</returns>
    private static SignatureVerificationResult? Parse(ReadOnlySpan<char> signature, Span<byte> expected)
    {
        signature = signature.Trim();
        if (signature.IsEmpty)
        {
            return SignatureVerificationResult.Missing;
        }

        return signature.Length != HexLength
            || Convert.FromHexString(signature, expected, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != HashSize
            ? SignatureVerificationResult.Malformed
            : null;
    }
}
