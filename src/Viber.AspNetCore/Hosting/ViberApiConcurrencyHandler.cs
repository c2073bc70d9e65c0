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
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.Limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new ViberApiCallLimitException(limiter.Limit);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
