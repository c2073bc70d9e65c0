using Viber.Api.Messages;

namespace Viber.Api.Validation;

/// <summary>
/// Checks a message against every limit Viber documents before it is sent, throwing
/// <see cref="ViberValidationException"/> naming the field and the rule.
/// </summary>
/// <remarks>
/// Output is checked strictly (documented enum values only, documented ranges); input parsing stays tolerant,
/// so a message received from Viber may well fail here. The order is: envelope (receiver, type, sender,
/// tracking_data, min_api_version), the type's body, the keyboard, and last whether min_api_version is high
/// enough for the features used (<see cref="MinApiVersion"/>).
/// </remarks>
internal static class ViberMessageValidator
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
        EnvelopeRules.Validate(message, purpose, defaultSender);
        ValidateBody(message);
        if (message.Keyboard is { } keyboard)
        {
            KeyboardRules.Validate(keyboard, "keyboard");
        }

        ValidateMinApiVersion(message);
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

    private static void ValidateBody(ViberMessage message)
    {
        switch (message)
        {
            case TextMessage text: ExpectType(text, MessageTypes.Text); ContentMessageRules.Text(text); break;
            case PictureMessage picture: ExpectType(picture, MessageTypes.Picture); MediaMessageRules.Picture(picture); break;
            case VideoMessage video: ExpectType(video, MessageTypes.Video); MediaMessageRules.Video(video); break;
            case FileMessage file: ExpectType(file, MessageTypes.File); MediaMessageRules.File(file); break;
            case ContactMessage contact: ExpectType(contact, MessageTypes.Contact); ContentMessageRules.Contact(contact); break;
            case LocationMessage location: ExpectType(location, MessageTypes.Location); ContentMessageRules.Location(location); break;
            case UrlMessage url: ExpectType(url, MessageTypes.Url); MediaMessageRules.Url(url); break;
            case StickerMessage sticker: ExpectType(sticker, MessageTypes.Sticker); ContentMessageRules.Sticker(sticker); break;
            case RichMediaMessage richMedia: ExpectType(richMedia, MessageTypes.RichMedia); ContentMessageRules.RichMedia(richMedia); break;
            case KeyboardMessage keyboardOnly:
                ExpectType(keyboardOnly, null);
                Check.Present(keyboardOnly.Keyboard, "keyboard");
                break;
            default:
                // UnknownMessage (a received type this library does not model) and custom subclasses.
                throw new ViberValidationException("type", $"must be a message type this library can send; '{message.Type}' ({message.GetType().Name}) is not");
        }
    }

    private static void ExpectType(ViberMessage message, string? expected)
    {
        if (message.Type != expected)
        {
            throw new ViberValidationException(
                "type",
                expected is null
                    ? "must be unset for a keyboard-only message"
                    : $"must be '{expected}' for {message.GetType().Name}, was '{message.Type}'");
        }
    }

    private static void ValidateMinApiVersion(ViberMessage message)
    {
        // Unset means Viber's default (1); only an explicit value that is too low is refused, so callers opt in
        // by setting it (WithRequiredMinApiVersion does).
        if (message.MinApiVersion is not { } set)
        {
            return;
        }

        var required = MinApiFeatures.Highest(message, includeRecommended: false);
        if (set < required.Version)
        {
            throw new ViberValidationException(
                "min_api_version",
                Check.Invariant($"must be at least {required.Version} because {required.Feature} needs API version {required.Version}, was {set} (call WithRequiredMinApiVersion())"));
        }
    }
}
