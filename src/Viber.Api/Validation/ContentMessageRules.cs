using Viber.Api.Messages;

namespace Viber.Api.Validation;

/// <summary>The body rules of text, contact, location and sticker messages (Viber REST Bot API documentation, send_message: text, contact, location and sticker messages).</summary>
internal static class ContentMessageRules
{
    /// <summary>Validates a text message: text required, at most 7,000 characters.</summary>
    public static void Text(TextMessage message) => Check.RequiredMaxLength(message.Text, 7000, "text");

    /// <summary>Validates a contact message: name ≤ 28 and phone number ≤ 18 characters, both required.</summary>
    public static void Contact(ContactMessage message)
    {
        Check.Present(message.Contact, "contact");
        Check.RequiredMaxLength(message.Contact.Name, 28, "contact.name");
        Check.RequiredMaxLength(message.Contact.PhoneNumber, 18, "contact.phone_number");
    }

    /// <summary>Validates a location message: latitude ±90°, longitude ±180°.</summary>
    public static void Location(LocationMessage message)
    {
        Check.Present(message.Location, "location");
        Check.Coordinate(message.Location.Latitude, 90, "location.lat");
        Check.Coordinate(message.Location.Longitude, 180, "location.lon");
    }

    /// <summary>Validates a sticker message: a positive sticker id.</summary>
    public static void Sticker(StickerMessage message)
    {
        Check.Present(message.StickerId, "sticker_id");
        Check.AtLeast(message.StickerId, 1, "sticker_id");
    }

    /// <summary>Validates a rich media message: the content is required; alt_text is optional.</summary>
    public static void RichMedia(RichMediaMessage message)
    {
        Check.Present(message.RichMedia, "rich_media");
        RichMediaRules.Validate(message.RichMedia, "rich_media");
    }
}
