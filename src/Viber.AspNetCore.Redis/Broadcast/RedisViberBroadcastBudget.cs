using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Broadcast;

/// <summary>
/// The fleet-wide <see cref="IViberBroadcastBudget"/>, registered by <c>AddRedisBroadcastBudget()</c>: every
/// instance takes its broadcast permits from one Redis key, so together they stay within
/// <see cref="ViberBotClientOptions.BroadcastRequestsPerWindow"/> per <see cref="ViberBotClientOptions.BroadcastWindow"/>.
/// </summary>
internal sealed class RedisViberBroadcastBudget : IViberBroadcastBudget, IDisposable
{
    // A permit whose lease is never disposed (its instance crashed mid-request) stops counting as in flight after
    // the client's attempt timeout plus this margin; a healthy client disposes it long before.
    private static readonly TimeSpan InFlightMargin = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxInFlightHold = TimeSpan.FromMinutes(5);

    public RedisViberBroadcastBudget(
        RedisViberConnection connection,
        IOptions<RedisViberOptions> redisOptions,
        IOptions<ViberBotClientOptions> clientOptions,
        TimeProvider? timeProvider = null)
    {
        var client = clientOptions.Value;
        var attempt = client.AttemptTimeout > TimeSpan.Zero && client.AttemptTimeout < MaxInFlightHold ? client.AttemptTimeout : MaxInFlightHold;
        Limiter = new RedisViberBroadcastRateLimiter(
            connection,
            redisOptions.Value.BroadcastKey,
            client.BroadcastRequestsPerWindow,
            client.BroadcastWindow,
            attempt + InFlightMargin,
            timeProvider ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public RateLimiter Limiter { get; }

    /// <inheritdoc />
    public void Dispose() => Limiter.Dispose();
}
