namespace Viber.Api.Messages;

/// <summary>The documented wire values of a message's <c>type</c>.</summary>
public static class MessageTypes
{
    /// <summary>A text message.</summary>
    public const string Text = "text";

    /// <summary>A picture message.</summary>
    public const string Picture = "picture";

    /// <summary>A video message.</summary>
    public const string Video = "video";

    /// <summary>A file message.</summary>
    public const string File = "file";

    /// <summary>A location message.</summary>
    public const string Location = "location";

    /// <summary>A contact message.</summary>
    public const string Contact = "contact";

    /// <summary>A sticker message.</summary>
    public const string Sticker = "sticker";

    /// <summary>A URL message.</summary>
    public const string Url = "url";

    /// <summary>A rich media (carousel content) message.</summary>
    public const string RichMedia = "rich_media";
}
