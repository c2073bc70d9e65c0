namespace Viber.Api;

/// <summary>The base of the exceptions this library throws. Messages never contain the auth token.</summary>
public abstract class ViberException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ViberException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ViberException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
