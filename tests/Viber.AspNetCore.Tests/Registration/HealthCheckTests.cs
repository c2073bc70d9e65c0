using Microsoft.Extensions.Diagnostics.HealthChecks;
using Viber.AspNetCore.Registration;

namespace Viber.AspNetCore.Tests.Registration;

/// <summary>The mapping of registration state to health: only an error retrying cannot fix is Unhealthy.</summary>
public sealed class HealthCheckTests
{
    [Theory]
    [InlineData((int)ViberWebhookRegistrationStatus.Pending, HealthStatus.Degraded)]
    [InlineData((int)ViberWebhookRegistrationStatus.Retrying, HealthStatus.Degraded)]
    [InlineData((int)ViberWebhookRegistrationStatus.Registered, HealthStatus.Healthy)]
    [InlineData((int)ViberWebhookRegistrationStatus.Disabled, HealthStatus.Healthy)]
    [InlineData((int)ViberWebhookRegistrationStatus.Failed, HealthStatus.Unhealthy)]
    public async Task Each_state_maps_to_a_status(int state, HealthStatus expected)
    {
        var registration = new ViberWebhookRegistrationState();
        registration.Set((ViberWebhookRegistrationStatus)state, 3, "detail");

        var result = await new ViberHealthCheck(registration).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
        Assert.Equal(3, result.Data["attempts"]);
    }
}
