namespace Viber.AspNetCore.Diagnostics;

/// <summary>The values of <see cref="ViberDiagnostics.OutcomeTag"/>.</summary>
internal static class ViberOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Cancelled = "cancelled";

    /// <summary>A completion the store refused, kept to write later.</summary>
    public const string Pending = "pending";

    /// <summary>A completion the store refused and the full pending buffer could not keep.</summary>
    public const string Dropped = "dropped";
}
