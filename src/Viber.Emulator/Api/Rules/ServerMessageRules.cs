using System.Text.Json;
using Viber.Api;
using Viber.Api.Keyboards;
using Viber.Api.Messages;

namespace Viber.Emulator.Api.Rules;

/// <summary>
/// The checks Viber's server makes on send_message, broadcast_message and welcome messages, in the order they are
/// applied; the first broken rule decides the answer. A missing required field answers 4 missingData, a present
/// field with a wrong value 3 badData. Limits follow the reference text (tracking data 4,096, picture text 768)
/// where sources disagree, since a client may be stricter than the server but not the other way round.
/// </summary>
internal static class ServerMessageRules
{
    public const int MaxSenderName = Viber.Api.Messages.ViberSender.MaxNameLength;
    public const int MaxTrackingData = 4096;
    public const int MaxText = 7000;
    public const int MaxPictureText = 768;
    public const long MaxVideoBytes = 26L * 1024 * 1024;
    public const int MaxVideoSeconds = 180;
    public const long MaxFileBytes = 50L * 1024 * 1024;
    public const int MaxFileName = 256;
    public const int MaxContactName = 28;
    public const int MaxPhoneNumber = 18;
    public const int MaxUrl = 2000;

    public static IReadOnlyList<MessageRule> All { get; } =
    [
        MessageRule.Missing<UnknownMessage>("type", m => m.Type is null),
        MessageRule.Bad<UnknownMessage>("type", "must be one of text, picture, video, file, location, contact, sticker, url, rich_media", _ => true),
        MessageRule.Missing<ViberMessage>("sender.name", m => string.IsNullOrEmpty(m.Sender?.Name)),
        MessageRule.TooLong<ViberMessage>("sender.name", MaxSenderName, m => m.Sender?.Name),
        MessageRule.TooLong<ViberMessage>("tracking_data", MaxTrackingData, m => m.TrackingData),
        MessageRule.Bad<ViberMessage>("min_api_version", "must be at least 1", m => m.MinApiVersion < 1),

        // The typed model defaults Type to "keyboard", so it is checked on the JSON; Viber rejects keyboards without it.
        new("keyboard.Type", ViberStatus.BadData, "must be \"keyboard\"", (m, json) => m.Keyboard is not null && !HasKeyboardType(json)),
        MessageRule.Missing<ViberMessage>("keyboard.Buttons", m => m.Keyboard is { } k && (k.Buttons is null || k.Buttons.Count == 0)),

        MessageRule.Missing<TextMessage>("text", m => string.IsNullOrEmpty(m.Text)),
        MessageRule.TooLong<TextMessage>("text", MaxText, m => m.Text),

        MessageRule.Missing<PictureMessage>("media", m => string.IsNullOrEmpty(m.Media)),
        MessageRule.Missing<PictureMessage>("text", m => m.Text is null),
        MessageRule.TooLong<PictureMessage>("text", MaxPictureText, m => m.Text),
        MessageRule.Bad<PictureMessage>("media", "must be an http(s) URL ending in .jpeg, .jpg, .png or .gif", m => !MediaUrls.IsHttpUrl(m.Media) || !MediaUrls.HasExtension(m.Media, "jpeg", "jpg", "png", "gif")),
        MessageRule.Bad<PictureMessage>("thumbnail", "must be an http(s) URL", m => m.Thumbnail is not null && !MediaUrls.IsHttpUrl(m.Thumbnail)),

        MessageRule.Missing<VideoMessage>("media", m => string.IsNullOrEmpty(m.Media)),
        MessageRule.Missing<VideoMessage>("size", m => m.Size is null),
        MessageRule.Bad<VideoMessage>("media", "must be an http(s) URL ending in .mp4", m => !MediaUrls.IsHttpUrl(m.Media) || !MediaUrls.HasExtension(m.Media, "mp4")),
        MessageRule.Bad<VideoMessage>("size", $"must be between 1 and {MaxVideoBytes} bytes", m => m.Size is < 1 or > MaxVideoBytes),
        MessageRule.Bad<VideoMessage>("duration", $"must be between 0 and {MaxVideoSeconds} seconds", m => m.Duration is < 0 or > MaxVideoSeconds),
        MessageRule.Bad<VideoMessage>("thumbnail", "must be an http(s) URL", m => m.Thumbnail is not null && !MediaUrls.IsHttpUrl(m.Thumbnail)),

        MessageRule.Missing<FileMessage>("media", m => string.IsNullOrEmpty(m.Media)),
        MessageRule.Missing<FileMessage>("size", m => m.Size is null),
        MessageRule.Missing<FileMessage>("file_name", m => string.IsNullOrEmpty(m.FileName)),
        MessageRule.Bad<FileMessage>("media", "must be an http(s) URL", m => !MediaUrls.IsHttpUrl(m.Media)),
        MessageRule.Bad<FileMessage>("size", $"must be between 1 and {MaxFileBytes} bytes", m => m.Size is < 1 or > MaxFileBytes),
        MessageRule.TooLong<FileMessage>("file_name", MaxFileName, m => m.FileName),
        MessageRule.Bad<FileMessage>("file_name", "must not have a forbidden extension (exe, apk, bat, ...)", m => MediaUrls.ForbiddenFileExtensions.Contains(MediaUrls.Extension(m.FileName!), StringComparer.OrdinalIgnoreCase)),

        MessageRule.Missing<ContactMessage>("contact.name", m => string.IsNullOrEmpty(m.Contact?.Name)),
        MessageRule.Missing<ContactMessage>("contact.phone_number", m => string.IsNullOrEmpty(m.Contact?.PhoneNumber)),
        MessageRule.TooLong<ContactMessage>("contact.name", MaxContactName, m => m.Contact?.Name),
        MessageRule.TooLong<ContactMessage>("contact.phone_number", MaxPhoneNumber, m => m.Contact?.PhoneNumber),

        // The typed model reads a missing coordinate as 0, so presence is checked on the JSON.
        new("location", ViberStatus.MissingData, "is required, with lat and lon", (m, json) => m is LocationMessage && !HasCoordinates(json)),
        MessageRule.Bad<LocationMessage>("location", "must have lat within ±90 and lon within ±180", m => Math.Abs(m.Location!.Latitude) > 90 || Math.Abs(m.Location.Longitude) > 180),

        MessageRule.Missing<UrlMessage>("media", m => string.IsNullOrEmpty(m.Media)),
        MessageRule.TooLong<UrlMessage>("media", MaxUrl, m => m.Media),
        MessageRule.Bad<UrlMessage>("media", "must be an http(s) URL", m => !MediaUrls.IsHttpUrl(m.Media)),

        MessageRule.Missing<StickerMessage>("sticker_id", m => m.StickerId is null),
        MessageRule.Bad<StickerMessage>("sticker_id", "must be a positive number", m => m.StickerId < 1),

        MessageRule.Missing<RichMediaMessage>("rich_media", m => m.RichMedia is null),
        MessageRule.Missing<RichMediaMessage>("rich_media.Buttons", m => m.RichMedia!.Buttons is null || m.RichMedia.Buttons.Count == 0),
        MessageRule.Bad<RichMediaMessage>("rich_media.ButtonsGroupColumns", "must be between 1 and 6", m => m.RichMedia!.ButtonsGroupColumns is < 1 or > 6),
        MessageRule.Bad<RichMediaMessage>("rich_media.ButtonsGroupRows", "must be between 1 and 7", m => m.RichMedia!.ButtonsGroupRows is < 1 or > 7),
        MessageRule.Bad<RichMediaMessage>("rich_media.Buttons", "must have at most 6 × ButtonsGroupColumns × ButtonsGroupRows buttons", m => m.RichMedia!.Buttons.Count > 6 * (m.RichMedia.ButtonsGroupColumns ?? 6) * (m.RichMedia.ButtonsGroupRows ?? 7)),
    ];

    public static MessageRule? FindBroken(ViberMessage message, JsonElement json)
    {
        foreach (var rule in All)
        {
            if (rule.IsBroken(message, json))
            {
                return rule;
            }
        }

        return null;
    }

    private static bool HasKeyboardType(JsonElement json)
        => json.TryGetProperty("keyboard", out var keyboard)
            && keyboard.ValueKind == JsonValueKind.Object
            && keyboard.TryGetProperty("Type", out var type)
            && type.ValueKind == JsonValueKind.String
            && type.ValueEquals(Keyboard.KeyboardType);

    private static bool HasCoordinates(JsonElement json)
        => json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("location", out var location)
            && location.ValueKind == JsonValueKind.Object
            && location.TryGetProperty("lat", out _)
            && location.TryGetProperty("lon", out _);
}
