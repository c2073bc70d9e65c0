#region diagnostics
using Viber.AspNetCore.Diagnostics;

#endregion
namespace Snippets.Readme;

// README "Diagnostics" (OpenTelemetry.Extensions.Hosting).
internal static class Diagnostics
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region diagnostics
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(ViberDiagnostics.ActivitySourceName))
            .WithMetrics(m => m.AddMeter(ViberDiagnostics.MeterName));
        #endregion
    }
}
