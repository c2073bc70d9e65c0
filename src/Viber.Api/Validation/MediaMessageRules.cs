using Viber.Api.Messages;

namespace Viber.Api.Validation;

/// <summary>The body rules of picture, video, file and URL messages (Viber REST Bot API documentation, send_message: picture, video, file and URL messages).</summary>
internal static class MediaMessageRules
{
    /// <summary>A video may be at most 26 MB.</summary>
    public const long MaxVideoBytes = 26L * 1024 * 1024;

    /// <summary>A file may be at most 50 MB.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    // The reference names .jpeg, .png and .gif; .jpg is the same format and is what the documented fixture uses.
    private static readonly string[] PictureExtensions = [".jpeg", ".jpg", ".png", ".gif"];
    private static readonly string[] VideoExtensions = [".mp4"];

    /// <summary>Validates a picture message.</summary>
    public static void Picture(PictureMessage message)
    {
        // The description is required but may be empty ("Can be an empty string if irrelevant").
        if (message.Text is null)
        {
            throw new ViberValidationException("text", "is required (it may be an empty string)");
        }

        Check.MaxLength(message.Text, 768, "text");
        MediaWithExtension(message.Media, PictureExtensions, "media");
        Check.OptionalHttpUrl(message.Thumbnail, "thumbnail");
    }

    /// <summary>Validates a video message.</summary>
    public static void Video(VideoMessage message)
    {
        MediaWithExtension(message.Media, VideoExtensions, "media");
        Size(message.Size, MaxVideoBytes, "26 MB");
        Check.Range(message.Duration, 0, 180, "duration", " seconds");
        Check.OptionalHttpUrl(message.Thumbnail, "thumbnail");
    }

    /// <summary>Validates a file message.</summary>
    public static void File(FileMessage message)
    {
        Check.Required(message.Media, "media");
        _ = Check.ParseHttpUrl(message.Media, "media");
        Size(message.Size, MaxFileBytes, "50 MB");
        FileNameRules.Validate(message.FileName, "file_name");
    }

    /// <summary>Validates a URL message: an absolute URL of at most 2,000 characters.</summary>
    public static void Url(UrlMessage message)
    {
        Check.RequiredMaxLength(message.Media, 2000, "media");
        Check.AbsoluteUrl(message.Media, "media");
    }

    private static void MediaWithExtension(string? media, string[] extensions, string field)
    {
        Check.Required(media, field);
        var uri = Check.ParseHttpUrl(media, field);

        // "The URL must have a resource with a .jpeg/.mp4 … file extension as the last path segment";
        // AbsolutePath leaves the query string and fragment out.
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        foreach (var extension in extensions)
        {
            if (lastSegment.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        throw new ViberValidationException(field, $"must end its last path segment in {string.Join(", ", extensions)}");
    }

    private static void Size(long? size, long max, string readable)
    {
        Check.Present(size, "size");
        Check.Range(size, 1, max, "size", $" bytes ({readable})");
    }
}
