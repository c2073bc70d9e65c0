using System.Security.Cryptography;
using System.Text;

namespace Viber.Api.Signatures;

/// <summary>
/// Verifies callback signatures for a fixed set of auth tokens, with the key bytes prepared once.
/// Thread-safe; usable outside ASP.NET Core (for example from a queue consumer).
/// </summary>
public sealed class ViberSignatureVerifier
{
    // HMAC contexts keyed once and reset after each use, one per key, kept per thread for the verifier that used the
    // thread last (an app has one; a thread that alternates between verifiers re-keys, as every call did before). The
    // one-shot HMACSHA256.HashData looks up the algorithm and builds a context on every call (OpenSSL 3's EVP_Q_mac:
    // fetches by name under a lock, allocations, cleansing): about 2 µs per callback on Linux, several times the
    // hashing itself. Per thread rather than pooled, so Verify takes no lock; a dead thread's contexts are finalized.
    [ThreadStatic]
    private static byte[][]? s_threadKeys;

    [ThreadStatic]
    private static IncrementalHash[]? s_threadMacs;

    private readonly byte[][] _keys;

    /// <summary>Initializes a new instance of the <see cref="ViberSignatureVerifier"/> class.</summary>
    /// <param name="authTokens">The accepted auth tokens: one, or several during rotation.</param>
    /// <exception cref="ArgumentException">No token, or an empty token.</exception>
    public ViberSignatureVerifier(params IEnumerable<string> authTokens)
    {
        ArgumentNullException.ThrowIfNull(authTokens);
        _keys = [.. authTokens.Select(token =>
        {
            // The token itself is never put in the message: it is a secret.
            ArgumentException.ThrowIfNullOrWhiteSpace(token, nameof(authTokens));
            return Encoding.UTF8.GetBytes(token);
        })];
        if (_keys.Length == 0)
        {
            throw new ArgumentException("At least one auth token is required.", nameof(authTokens));
        }
    }

    /// <summary>Checks a signature against a body.</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The signature; hex in either case.</param>
    /// <returns>The outcome; never throws for bad input.</returns>
    public SignatureVerificationResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature)
    {
        var macs = ReferenceEquals(s_threadKeys, _keys) ? s_threadMacs! : KeyThisThread();
        try
        {
            return ViberSignature.Verify(body, signature, macs);
        }
        catch (CryptographicException)
        {
            // A context that failed mid-hash may hold part of this body, and every later signature on this thread
            // would then mismatch: the next call keys new ones. The failure itself is the caller's to see.
            ReleaseThisThread();
            throw;
        }
    }

    private static void ReleaseThisThread()
    {
        if (s_threadMacs is { } macs)
        {
            foreach (var mac in macs)
            {
                mac.Dispose();
            }
        }

        (s_threadKeys, s_threadMacs) = (null, null);
    }

    private IncrementalHash[] KeyThisThread()
    {
        ReleaseThisThread();
        var macs = new IncrementalHash[_keys.Length];
        for (var i = 0; i < macs.Length; i++)
        {
            macs[i] = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _keys[i]);
        }

        (s_threadKeys, s_threadMacs) = (_keys, macs);
        return macs;
    }
}
