using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Viber.Api.Serialization;

namespace Viber.Emulator.ChatPage;

/// <summary>
/// Checks a message written on the page before it becomes a <see cref="Viber.Api.Messages.ViberMessage"/>: what a
/// Viber client would never send is refused with the field at fault and what it needs
/// (<c>location.lat: a number between -90 and 90 is required</c>), instead of a serializer's message about .NET types.
/// </summary>
internal static class UserMessageValidator
{
    /// <summary>The types a Viber user can send, as the page's selector lists them.</summary>
    public const string Types = "text, picture, video, file, sticker, contact, url or location";

    // Viber's limits where they concern what a client sends: a file name of 256 characters with its extension, a URL
    // message of 2000 characters and a contact of 128 (Viber REST Bot API documentation).
    private const int MaxFileName = 256;
    private const int MaxUrl = 2000;
    private const int MaxContactName = 128;

    /// <summary>Throws a <see cref="ChatPageProblem"/> naming the first field a user's message cannot have.</summary>
    /// <param name="message">The message's JSON.</param>
    /// <returns>The JSON metadata of the message's type, which says what the fields left unchecked need.</returns>
    public static JsonTypeInfo Validate(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new ChatPageProblem("The message must be a JSON object, such as { \"type\": \"text\", \"text\": \"hi\" }.");
        }

        var type = message.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString() : null;
        switch (type)
        {
            case "text":
                if (!message.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
                {
                    throw ChatPageProblem.ForField("text", "some text is required: Viber clients do not send empty messages");
                }

                return ViberJson.Context.TextMessage;
            case "picture":
                RequireUrl(message, "media", "the picture's http(s) URL is required, such as https://example.com/photo.jpg");
                OptionalString(message, "text");
                return ViberJson.Context.PictureMessage;
            case "video":
                RequireUrl(message, "media", "the video's http(s) URL is required, such as https://example.com/video.mp4");
                OptionalWholeNumber(message, "size", "the size in bytes, a whole number, is required");
                OptionalNumber(message, "duration", "the length, a number of 0 or more, is required");
                return ViberJson.Context.VideoMessage;
            case "file":
                RequireUrl(message, "media", "the file's http(s) URL is required, such as https://example.com/report.pdf");
                if (!message.TryGetProperty("file_name", out var fileName) || fileName.ValueKind != JsonValueKind.String
                    || fileName.GetString() is not { } name || string.IsNullOrWhiteSpace(name) || name.Length > MaxFileName)
                {
                    throw ChatPageProblem.ForField("file_name", $"a file name with its extension, at most {MaxFileName} characters, is required, such as report.pdf");
                }

                // Viber's callback reference calls the size file_size and its SDKs size: either one will do.
                var sizeField = message.TryGetProperty("size", out _) || !message.TryGetProperty("file_size", out _) ? "size" : "file_size";
                if (!message.TryGetProperty(sizeField, out var size) || !TryGetWholeNumber(size, out var bytes) || bytes <= 0)
                {
                    throw ChatPageProblem.ForField(sizeField, "the file size in bytes, a whole number above 0, is required");
                }

                return ViberJson.Context.FileMessage;
            case "sticker":
                if (!message.TryGetProperty("sticker_id", out var sticker) || !TryGetWholeNumber(sticker, out var stickerId) || stickerId <= 0)
                {
                    throw ChatPageProblem.ForField("sticker_id", "a Viber sticker id, a whole number above 0, is required, such as 40129");
                }

                return ViberJson.Context.StickerMessage;
            case "contact":
                ValidateContact(message);
                return ViberJson.Context.ContactMessage;
            case "url":
                RequireUrl(message, "media", $"an http(s) URL of at most {MaxUrl} characters is required, such as https://www.viber.com");
                return ViberJson.Context.UrlMessage;
            case "location":
                ValidateLocation(message);
                return ViberJson.Context.LocationMessage;
            case null:
                throw ChatPageProblem.ForField("type", "the message type is required: " + Types);
            default:
                throw ChatPageProblem.ForField("type", $"Viber users cannot send {type} messages; the type must be {Types}");
        }
    }

    private static void ValidateContact(JsonElement message)
    {
        if (!message.TryGetProperty("contact", out var contact) || contact.ValueKind != JsonValueKind.Object)
        {
            throw ChatPageProblem.ForField("contact", "an object with name and phone_number is required");
        }

        if (!contact.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(name.GetString()) || name.GetString()!.Length > MaxContactName)
        {
            throw ChatPageProblem.ForField("contact.name", $"the contact's name, at most {MaxContactName} characters, is required");
        }

        if (!contact.TryGetProperty("phone_number", out var phone) || phone.ValueKind != JsonValueKind.String || !IsPhoneNumber(phone.GetString()!))
        {
            throw ChatPageProblem.ForField("contact.phone_number", "a phone number is required, such as +380501234567");
        }
    }

    private static void ValidateLocation(JsonElement message)
    {
        if (!message.TryGetProperty("location", out var location) || location.ValueKind != JsonValueKind.Object)
        {
            throw ChatPageProblem.ForField("location", "an object with lat and lon is required, such as { \"lat\": 48.8584, \"lon\": 2.2945 }");
        }

        RequireCoordinate(location, "lat", 90);
        RequireCoordinate(location, "lon", 180);
    }

    private static void RequireCoordinate(JsonElement location, string name, double limit)
    {
        if (!location.TryGetProperty(name, out var value) || !TryGetNumber(value, out var degrees) || degrees < -limit || degrees > limit)
        {
            throw ChatPageProblem.ForField("location." + name, string.Create(CultureInfo.InvariantCulture, $"a number between -{limit} and {limit} is required"));
        }
    }

    private static void RequireUrl(JsonElement message, string field, string requirement)
    {
        if (!message.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || !IsHttpUrl(value.GetString()!))
        {
            throw ChatPageProblem.ForField(field, requirement);
        }
    }

    private static void OptionalString(JsonElement message, string field)
    {
        if (message.TryGetProperty(field, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw ChatPageProblem.ForField(field, "text is required here, or leave it out");
        }
    }

    private static void OptionalWholeNumber(JsonElement message, string field, string requirement)
    {
        if (message.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null && (!TryGetWholeNumber(value, out var number) || number < 0))
        {
            throw ChatPageProblem.ForField(field, requirement);
        }
    }

    private static void OptionalNumber(JsonElement message, string field, string requirement)
    {
        if (message.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null && (!TryGetNumber(value, out var number) || number < 0))
        {
            throw ChatPageProblem.ForField(field, requirement);
        }
    }

    // Numbers may come as strings, as Viber's own examples write them and as ViberJson reads them.
    private static bool TryGetNumber(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number) && double.IsFinite(number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number),
            _ => false,
        };
    }

    private static bool TryGetWholeNumber(JsonElement value, out long number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out number),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private static bool IsHttpUrl(string text)
        => text.Length <= MaxUrl
            && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host);

    // What a phone's contact card holds: an optional '+', then digits with the usual separators; 3 to 18 digits.
    private static bool IsPhoneNumber(string text)
    {
        var trimmed = text.Trim();
        var digits = trimmed.Count(char.IsAsciiDigit);
        var rest = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        return digits is >= 3 and <= 18 && rest.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')');
    }
}
