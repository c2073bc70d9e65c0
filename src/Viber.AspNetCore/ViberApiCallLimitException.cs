namespace Viber.AspNetCore;

/// <summary>
/// A Bot API call was refused before it was sent: <see cref="ViberBotOptions.MaxConcurrentApiCalls"/> requests were
/// in flight and as many waited for a slot. Usually the Bot API is hanging; the call can be retried later.
/// </summary>
public sealed class ViberApiCallLimitException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="ViberApiCallLimitException"/> class.</summary>
    public ViberApiCallLimitException()
        : base("A Viber Bot API call was refused: too many calls are in flight (Viber:MaxConcurrentApiCalls).")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ViberApiCallLimitException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ViberApiCallLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ViberApiCallLimitException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ViberApiCallLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ViberApiCallLimitException"/> class for a limit.</summary>
    /// <param name="limit">The configured <see cref="ViberBotOptions.MaxConcurrentApiCalls"/>.</param>
    public ViberApiCallLimitException(int limit)
        : base($"A Viber Bot API call was refused before it was sent: {limit} calls were in flight and {limit} more were waiting, the most Viber:MaxConcurrentApiCalls ({limit}) allows. The Bot API may be hanging; the callback fails so Viber retries it later.")
    {
        Limit = limit;
    }

    /// <summary>Gets the configured limit, when known.</summary>
    public int? Limit { get; }
}
