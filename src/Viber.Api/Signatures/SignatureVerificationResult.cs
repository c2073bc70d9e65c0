namespace Viber.Api.Signatures;

/// <summary>The outcome of checking <c>X-Viber-Content-Signature</c> against a body.</summary>
public enum SignatureVerificationResult
{
    /// <summary>The signature matches the body for one of the tokens.</summary>
    Valid = 0,

    /// <summary>No signature was supplied.</summary>
    Missing = 1,

    /// <summary>The signature is not 64 hexadecimal characters.</summary>
    Malformed = 2,

    /// <summary>The signature is well formed but matches no token.</summary>
    Mismatch = 3,
}
