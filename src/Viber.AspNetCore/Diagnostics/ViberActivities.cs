using System.Diagnostics;

namespace Viber.AspNetCore.Diagnostics;

/// <summary>The library's one <see cref="ActivitySource"/>; static, as activity sources are meant to be.</summary>
internal static class ViberActivities
{
    public static ActivitySource Source { get; } = new(ViberDiagnostics.ActivitySourceName);
}
