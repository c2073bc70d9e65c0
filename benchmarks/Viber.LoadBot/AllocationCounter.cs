using System.Globalization;

namespace Viber.LoadBot;

/// <summary>
/// The process's allocated bytes so far, for run.py to read before and after a measured run: bytes allocated per
/// callback are exact this way (the GC's own counter), where sampled allocation events would be an estimate. Mapped
/// by the floor and the minimal bot alike, so both carry the same extra route.
/// </summary>
internal static class AllocationCounter
{
    /// <summary>The path run.py reads the counter from.</summary>
    public const string Path = "/_loadbot/allocated";

    /// <summary>Maps <see cref="Path"/>: the bytes allocated by every thread since the process started.</summary>
    /// <param name="endpoints">The app.</param>
    public static void MapAllocationCounter(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet(Path, static () => GC.GetTotalAllocatedBytes(precise: false).ToString(CultureInfo.InvariantCulture));
}
