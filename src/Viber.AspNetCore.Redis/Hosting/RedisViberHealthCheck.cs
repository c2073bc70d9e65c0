using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Viber.AspNetCore.Redis.Hosting;

/// <summary>
/// The "viber-redis" health check, registered by <c>AddRedisDeduplication()</c>: Redis is the bot's dependency
/// once scaled out (while it is down every callback is answered 503), so <c>/health</c> reports it. Healthy when
/// a PING answers; otherwise the registration's failure status (Unhealthy by default). The configuration string
/// never appears in the result: it may hold a password.
/// </summary>
internal sealed class RedisViberHealthCheck(RedisViberConnection connection) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "viber-redis";

    /// <summary>The tags of the check: select them with <c>MapHealthChecks(..., new() { Predicate = ... })</c>.</summary>
    public static readonly string[] Tags = ["viber", "redis", "ready"];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var multiplexer = await connection.GetMultiplexerAsync(cancellationToken).ConfigureAwait(false);
            if (!multiplexer.IsConnected)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected: Viber callbacks are answered 503 (Viber retries them) until the connection is restored.");
            }

            var latency = await multiplexer.GetDatabase().PingAsync().ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                "Redis answers.",
                new Dictionary<string, object> { ["latencyMs"] = latency.TotalMilliseconds });
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer: Viber callbacks are answered 503 (Viber retries them) until it does.", exception);
        }
    }
}
