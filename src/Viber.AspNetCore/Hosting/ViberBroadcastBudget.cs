using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Client;

namespace Viber.AspNetCore.Hosting;

/// <summary>
/// The default <see cref="IViberBroadcastBudget"/>: the app's one in-process broadcast rate limiter (Viber allows
/// 500 broadcast requests per 10 s per bot). The typed client is created per resolution, so without this singleton
/// every request's client would get a budget of its own. It counts for this instance only.
/// </summary>
internal sealed class ViberBroadcastBudget : IViberBroadcastBudget, IDisposable
{
    public ViberBroadcastBudget(IOptions<ViberBotClientOptions> options, TimeProvider? timeProvider = null)
    {
        var value = options.Value;
        Limiter = new ViberBroadcastRateLimiter(value.BroadcastRequestsPerWindow, value.BroadcastWindow, timeProvider);
    }

    /// <summary>Gets the limiter every client of this app shares.</summary>
    public RateLimiter Limiter { get; }

    /// <inheritdoc />
    public void Dispose() => Limiter.Dispose();
}
