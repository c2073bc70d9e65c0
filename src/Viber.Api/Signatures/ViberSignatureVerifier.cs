using System.Text;

namespace Viber.Api.Signatures;

/// <summary>
/// Verifies callback signatures for a fixed set of auth tokens, with the key bytes prepared once.
/// Thread-safe; usable outside ASP.NET Core (for example from a queue consumer).
/// </summary>
public sealed class ViberSignatureVerifier
{
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
        => ViberSignature.Verify(body, signature, _keys);
}
