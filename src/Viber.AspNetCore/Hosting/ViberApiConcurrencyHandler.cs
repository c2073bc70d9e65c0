using Viber.Api.Client;

namespace Viber.AspNetCore.Hosting;

/// <summary>
/// Takes a slot from the app's <see cref="ViberApiCallLimiter"/> for each request of the Viber client's HttpClient,
/// and refuses the request with <see cref="ViberApiCallLimitException"/> when none can be had.
/// </summary>
/// <remarks>
/// The exception is not one the client retries (only transport errors, timeouts and transient statuses are): a
/// call refused because the API is already saturated fails its callback at once, and Viber retries the callback later.
/// </remarks>
internal sealed class ViberApiConcurrencyHandler(ViberApiCallLimiter limiter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request of ViberBotClient carries a free permit itself, released when the client disposes the request
        // (after reading the response): no async step of this handler per call, which every send would otherwise pay
        // for. With no permit free, the call waits in the limiter's queue below like any other.
        if (request is ViberApiRequestMessage clientRequest)
        {
            var lease = limiter.Limiter.AttemptAcquire(1);
            if (lease.IsAcquired)
            {
                clientRequest.HeldUntilDisposed = lease;
                return base.SendAsync(request, cancellationToken);
            }

            lease.Dispose();
        }

        return SendHoldingPermitAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendHoldingPermitAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.Limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new ViberApiCallLimitException(limiter.Limit);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
