namespace Viber.Api.Client;

/// <summary>
/// A Bot API request made by <see cref="ViberBotClient"/>. A diagnostics handler in the client's HTTP pipeline can
/// leave an <see cref="Observer"/> on it instead of reading the response body itself: the client reports the status
/// it parsed, so the body is read once, unbuffered.
/// </summary>
internal sealed class ViberApiRequestMessage(string apiMethod, Uri requestUri) : HttpRequestMessage(HttpMethod.Post, requestUri)
{
    /// <summary>Gets the Bot API method called (for example <c>send_message</c>), so nobody parses it back out of the URI.</summary>
    public string ApiMethod { get; } = apiMethod;

    /// <summary>Gets or sets who is told the call's outcome once the client has read the response, if anyone.</summary>
    public IViberApiCallObserver? Observer { get; set; }

    /// <summary>
    /// Gets or sets what a handler in the client's HTTP pipeline leaves on the request to be released with it (a
    /// concurrency permit), if anything. The client disposes every request once it has read the response, or failed.
    /// </summary>
    public IDisposable? HeldUntilDisposed { get; set; }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            HeldUntilDisposed?.Dispose();
            HeldUntilDisposed = null;
        }

        base.Dispose(disposing);
    }
}
