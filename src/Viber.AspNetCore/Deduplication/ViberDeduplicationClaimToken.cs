namespace Viber.AspNetCore.Deduplication;

/// <summary>Makes the tokens that tell one claim of a deduplication key from another.</summary>
public static class ViberDeduplicationClaimToken
{
    /// <summary>Creates a token unique to one claim: 128 random bits, as 32 hex digits.</summary>
    /// <returns>The token.</returns>
    public static string New() => Guid.NewGuid().ToString("N");
}
