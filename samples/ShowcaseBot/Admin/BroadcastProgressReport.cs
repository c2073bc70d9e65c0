namespace ShowcaseBot.Admin;

/// <summary>The answer of GET /admin/broadcast/progress.</summary>
/// <param name="Running">Whether a broadcast is being sent now.</param>
/// <param name="Receivers">How many subscribers it goes to (null when no broadcast ran yet).</param>
/// <param name="Sent">How many Viber accepted so far.</param>
/// <param name="Failed">How many Viber could not reach so far.</param>
/// <param name="Fraction">The part done, 0 to 1: the width of a progress bar.</param>
/// <param name="SecondsLeft">The estimated time left, from the pacing (null when unknown).</param>
public sealed record BroadcastProgressReport(bool Running, int? Receivers, int Sent, int Failed, double Fraction, double? SecondsLeft)
{
    /// <summary>Gets the report before any broadcast.</summary>
    public static BroadcastProgressReport Idle { get; } = new(false, null, 0, 0, 0, null);
}
