using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Viber.Api.Client;

namespace Viber.AspNetCore.Diagnostics;

/// <summary>
/// One Bot API attempt being recorded by <see cref="ViberApiDiagnosticsHandler"/>: its activity and start time, until
/// the outcome is known (from the handler, or from the client once it has parsed the response).
/// </summary>
internal sealed class ViberApiCallRecording(
    ViberMetrics metrics,
    ILogger logger,
    TimeProvider timeProvider,
    Activity? activity,
    string method) : IViberApiCallObserver
{
    private readonly long _started = timeProvider.GetTimestamp();
    private int _completed;

    /// <inheritdoc />
    public void Completed(string status)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }

        var elapsed = timeProvider.GetElapsedTime(_started);
        if (activity is not null)
        {
            activity.SetTag(ViberDiagnostics.StatusTag, status);
            if (status != "0")
            {
                activity.SetStatus(ActivityStatusCode.Error, status);
            }

            activity.Dispose();
        }

        metrics.ApiCall(method, status, elapsed);
        Log.ApiCall(logger, method, status, elapsed.TotalMilliseconds);
    }
}
