using System.Net;
using Viber.Api.Requests;

namespace Viber.Api.Client;

/// <summary>
/// What one HTTP attempt of an API call produced: either Viber's response (whatever its status) or an HTTP error
/// status. Failures are results, not exceptions, so the retry strategy can read the status and <c>Retry-After</c>.
/// </summary>
internal sealed class ViberAttemptResult
{
    private ViberAttemptResult(ViberResponse? response, HttpStatusCode httpStatus, string? reasonPhrase, TimeSpan? retryAfter)
    {
        Response = response;
        HttpStatus = httpStatus;
        ReasonPhrase = reasonPhrase;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets Viber's response, or <see langword="null"/> when the HTTP status was not a success.</summary>
    public ViberResponse? Response { get; }

    /// <summary>Gets the HTTP status.</summary>
    public HttpStatusCode HttpStatus { get; }

    /// <summary>Gets the HTTP reason phrase of a failed attempt.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>Gets the delay the server asked for in <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets a value indicating whether trying again later may succeed: status 12, HTTP 429 or HTTP 5xx.</summary>
    public bool IsTransient => Response is not null
        ? Response.Status.IsTransient()
        : HttpStatus == HttpStatusCode.TooManyRequests || (int)HttpStatus >= 500;

    /// <summary>Creates the result of an attempt Viber answered.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The result.</returns>
    public static ViberAttemptResult FromResponse(ViberResponse response) => new(response, HttpStatusCode.OK, null, null);

    /// <summary>
    /// Creates the result of an attempt the broadcast rate limiter did not let out: to the caller it is the same as
    /// Viber's rate control (status 12), retried and then reported.
    /// </summary>
    /// <param name="retryAfter">When the limiter expects a permit, if it says.</param>
    /// <returns>The result.</returns>
    public static ViberAttemptResult FromRateLimiterRefusal(TimeSpan? retryAfter)
        => new(new ViberResponse { Status = ViberStatus.TooManyRequests, StatusMessage = "The broadcast rate limiter refused a permit; nothing was sent." }, HttpStatusCode.OK, null, retryAfter);

    /// <summary>Creates the result of an attempt that got an HTTP error status.</summary>
    /// <param name="httpStatus">The HTTP status.</param>
    /// <param name="reasonPhrase">The reason phrase.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> delay, if any.</param>
    /// <returns>The result.</returns>
    public static ViberAttemptResult FromHttpError(HttpStatusCode httpStatus, string? reasonPhrase, TimeSpan? retryAfter)
        => new(null, httpStatus, reasonPhrase, retryAfter);
}
