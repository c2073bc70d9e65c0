using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Viber.AspNetCore.Registration;

/// <summary>
/// The "viber" health check: the state of webhook registration. Not registered yet (waiting for the server, or
/// retrying) is <see cref="HealthStatus.Degraded"/>, not Unhealthy, on purpose: a readiness probe that kept the app
/// out of the load balancer until registration succeeded would also keep out Viber's check of the URL that
/// set_webhook waits for, and registration could never succeed. Only an error retrying cannot fix is Unhealthy.
/// </summary>
internal sealed class ViberHealthCheck(ViberWebhookRegistrationState state) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "viber";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = state.Current;
        var data = new Dictionary<string, object>
        {
            ["status"] = current.Status.ToString(),
            ["attempts"] = current.Attempts,
        };
        var result = current.Status switch
        {
            ViberWebhookRegistrationStatus.Registered => HealthCheckResult.Healthy($"The Viber webhook is registered for the events {current.Detail}.", data),
            ViberWebhookRegistrationStatus.Disabled => HealthCheckResult.Healthy("Viber webhook registration is disabled (Viber:RegisterWebhook is false).", data),
            ViberWebhookRegistrationStatus.Retrying => HealthCheckResult.Degraded($"Registering the Viber webhook failed {current.Attempts} time(s) and is being retried: {current.Detail}", data: data),
            ViberWebhookRegistrationStatus.Failed => HealthCheckResult.Unhealthy($"Registering the Viber webhook failed and will not be retried: {current.Detail}", data: data),
            _ => HealthCheckResult.Degraded("The Viber webhook is not registered yet: registration starts once the server listens.", data: data),
        };
        return Task.FromResult(result);
    }
}
