using Viber.Api;

namespace ShowcaseBot.Admin;

/// <summary>
/// Keeps the latest progress of the running (or last) broadcast for GET /admin/broadcast/progress, which an admin page
/// polls to draw a progress bar. The client reports on its own thread after each request, so the value is written
/// directly (not through <see cref="Progress{T}"/>, which posts each report to the thread pool and can reorder them).
/// </summary>
public sealed class BroadcastProgressTracker : IProgress<ViberBroadcastProgress>
{
    private BroadcastProgressReport _latest = BroadcastProgressReport.Idle;

    /// <summary>Gets the latest report.</summary>
    public BroadcastProgressReport Latest => Volatile.Read(ref _latest);

    /// <summary>Marks a broadcast to <paramref name="receivers"/> subscribers as started.</summary>
    /// <param name="receivers">How many subscribers it goes to.</param>
    public void Start(int receivers)
        => Volatile.Write(ref _latest, new BroadcastProgressReport(true, receivers, 0, 0, 0, null));

    /// <inheritdoc />
    public void Report(ViberBroadcastProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Volatile.Write(ref _latest, new BroadcastProgressReport(
            true,
            value.TotalReceivers,
            value.Succeeded,
            value.Failed,
            value.Fraction ?? 0,
            value.EstimatedTimeLeft?.TotalSeconds));
    }

    /// <summary>Marks the broadcast as finished, keeping its final counts.</summary>
    public void Finish()
    {
        var last = Latest;
        Volatile.Write(ref _latest, last with { Running = false, SecondsLeft = 0 });
    }
}
