using System.Globalization;
using System.Runtime;

namespace Viber.LoadBot;

/// <summary>
/// The process's allocated bytes so far, for run.py to read before and after a measured run: bytes allocated per
/// callback are exact this way (the GC's own counter), where sampled allocation events would be an estimate. Mapped
/// by the floor and the minimal bot alike, so both carry the same extra routes.
/// </summary>
internal static class AllocationCounter
{
    /// <summary>The path run.py reads the counter from.</summary>
    public const string Path = "/_loadbot/allocated";

    /// <summary>The path run.py reads the JIT's counters from.</summary>
    public const string JitPath = "/_loadbot/jit";

    /// <summary>The path run.py reads the garbage collector's counters from.</summary>
    public const string GcPath = "/_loadbot/gc";

    /// <summary>
    /// Maps <see cref="Path"/>: the bytes allocated by every thread since the process started; and <see cref="JitPath"/>:
    /// the methods the JIT compiled so far and its time in milliseconds. A server that still compiles during a measured
    /// run has not finished warming up, and the run counts the JIT's CPU against it. And <see cref="GcPath"/>: the
    /// collections of generations 0, 1 and 2 so far and the time the GC paused the process, in milliseconds. On the one
    /// core a server runs on, a pause is CPU the collector takes from the requests, so its time per callback says what
    /// the bytes a callback allocates cost.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    public static void MapAllocationCounter(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, static () => GC.GetTotalAllocatedBytes(precise: false).ToString(CultureInfo.InvariantCulture));
        endpoints.MapGet(JitPath, static () => string.Create(
            CultureInfo.InvariantCulture,
            $"{JitInfo.GetCompiledMethodCount()} {JitInfo.GetCompilationTime().TotalMilliseconds:F1}"));
        endpoints.MapGet(GcPath, static () => string.Create(
            CultureInfo.InvariantCulture,
            $"{GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)} {GC.GetTotalPauseDuration().TotalMilliseconds:F3}"));
    }
}
