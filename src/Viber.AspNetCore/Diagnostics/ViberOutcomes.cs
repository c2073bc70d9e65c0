namespace Viber.AspNetCore.Diagnostics;

/// <summary>The values of <see cref="ViberDiagnostics.OutcomeTag"/>.</summary>
internal static class ViberOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Cancelled = "cancelled";
}
