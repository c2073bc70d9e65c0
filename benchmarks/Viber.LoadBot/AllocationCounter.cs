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

    /// <summary>
    /// Maps <see cref="Path"/>: the bytes allocated by every thread since the process started; and <see cref="JitPath"/>:
    /// the methods the JIT compiled so far and its time in milliseconds. A server that still compiles during a measured
    /// run has not finished warming up, and the run counts the JIT's CPU against it.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    public static void MapAllocationCounter(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, static () => GC.GetTotalAllocatedBytes(precise: false).ToString(CultureInfo.InvariantCulture));
        endpoints.MapGet(JitPath, static () => string.Create(
            CultureInfo.InvariantCulture,
            $"{JitInfo.GetCompiledMethodCount()} {JitInfo.GetCompilationTime().TotalMilliseconds:F1}"));
    }
}
