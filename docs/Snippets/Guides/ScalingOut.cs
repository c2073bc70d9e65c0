#region guide-readiness
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

#endregion
#region guide-broadcast
using Viber.Api;
using Viber.Api.Messages;

#endregion
namespace Snippets.Guides;

// docs/scaling-out.md.
internal static class ScalingOut
{
    public static void Probes(WebApplication app)
    {
        #region guide-readiness
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });   // the process answers
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapHealthChecks("/health");                                     // everything: viber, viber-redis, ...
        #endregion
    }

    public static async Task Broadcast(IViberBotClient viber, IReadOnlyList<string> subscriberIds, ILogger logger, CancellationToken ct)
    {
        #region guide-broadcast
        var result = await viber.BroadcastMessageAsync(new TextMessage { Text = "We open at 9 tomorrow." }, subscriberIds, ct);
        foreach (var failure in result.Failed)                              // per receiver, instead of an exception
        {
            logger.LogWarning("Not delivered to {Receiver}: {Status}.", failure.Receiver, failure.Status);
        }
        #endregion
    }
}
