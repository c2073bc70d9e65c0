using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Hosting;

/// <summary>
/// The app's one cap on concurrent Bot API requests (<see cref="ViberBotOptions.MaxConcurrentApiCalls"/>), shared by
/// every <c>IViberBotClient</c> the app resolves: a Bot API that hangs cannot hold more outbound connections than this.
/// </summary>
internal sealed class ViberApiCallLimiter(IOptions<ViberBotOptions> options) : IDisposable
{
    public int Limit { get; } = options.Value.MaxConcurrentApiCalls;

    // As many calls may wait as may run: a short burst waits its turn, a pile-up behind a hanging API fails fast.
    public ConcurrencyLimiter Limiter { get; } = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentApiCalls,
        QueueLimit = options.Value.MaxConcurrentApiCalls,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public void Dispose() => Limiter.Dispose();
}
