using Microsoft.Extensions.Diagnostics.HealthChecks;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// The "viber-redis-streams" health check: Degraded while the dead-letter stream holds callbacks (their handlers
/// failed on every attempt and someone has to look), with the count; Healthy otherwise. Reports the backlog of the
/// partition streams too. A Redis error makes it Unhealthy (the health check service reports the exception).
/// </summary>
internal sealed class RedisStreamHealthCheck(RedisViberConnection connection, RedisStreamLayout layout) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "viber-redis-streams";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var deadLetters = await database.StreamLengthAsync(layout.DeadLetters).ConfigureAwait(false);
        var lengths = await Task.WhenAll(Enumerable.Range(0, layout.Partitions).Select(partition => database.StreamLengthAsync(layout.Stream(partition)))).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["dead_letters"] = deadLetters,
            ["queued"] = lengths.Sum(),
        };
        return deadLetters > 0
            ? HealthCheckResult.Degraded(
                $"{deadLetters} Viber callback(s) are in the dead-letter stream {layout.DeadLetters}: their handlers failed on every attempt (Viber:Redis:Streams:MaxAttempts). Read them with XRANGE {layout.DeadLetters} - + and remove them with XDEL or DEL once dealt with.",
                data: data)
            : HealthCheckResult.Healthy($"No Viber callback is in the dead-letter stream {layout.DeadLetters}.", data);
    }
}
