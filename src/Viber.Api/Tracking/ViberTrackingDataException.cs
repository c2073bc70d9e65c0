namespace Viber.Api.Tracking;

/// <summary>A message's <c>tracking_data</c> is not JSON of the type the bot asked for.</summary>
public sealed class ViberTrackingDataException : ViberException
{
    /// <summary>Initializes a new instance of the <see cref="ViberTrackingDataException"/> class.</summary>
    /// <param name="message">The message; it names the type, never the tracking data's text.</param>
    /// <param name="innerException">The JSON error.</param>
    public ViberTrackingDataException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
