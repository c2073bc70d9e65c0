namespace Viber.Api;

/// <summary>Viber answered an API call with a non-zero status (or the call failed at the HTTP level).</summary>
public sealed class ViberApiException : ViberException
{
    /// <summary>Initializes a new instance of the <see cref="ViberApiException"/> class.</summary>
    /// <param name="method">The API method, such as <c>send_message</c>.</param>
    /// <param name="status">The status Viber returned.</param>
    /// <param name="statusMessage">The status message Viber returned, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ViberApiException(string method, ViberStatus status, string? statusMessage, Exception? innerException = null)
        : base(FormatMessage(method, status, statusMessage), innerException)
    {
        Method = method;
        Status = status;
        StatusMessage = statusMessage;
    }

    /// <summary>Gets the API method.</summary>
    public string Method { get; }

    /// <summary>Gets the status Viber returned.</summary>
    public ViberStatus Status { get; }

    /// <summary>Gets the status message Viber returned, if any.</summary>
    public string? StatusMessage { get; }

    /// <summary>
    /// Gets a value indicating whether the same call may succeed later (Viber's rate control, status 12): the
    /// classification the client's own retries use (<see cref="ViberStatusExtensions.IsTransient"/>). When the
    /// client throws this, its retries are already spent, so a webhook handler should let it fail the callback and
    /// have Viber send it again later; a permanent status (the receiver unsubscribed, say) will not change on a retry.
    /// </summary>
    public bool IsTransient => Status.IsTransient();

    private static string FormatMessage(string method, ViberStatus status, string? statusMessage)
    {
        var name = status.IsDocumented() ? status.ToString() : "generalError";
        return string.IsNullOrEmpty(statusMessage)
            ? $"Viber {method} failed with status {(int)status} ({name})."
            : $"Viber {method} failed with status {(int)status} ({name}): {statusMessage}";
    }
}
