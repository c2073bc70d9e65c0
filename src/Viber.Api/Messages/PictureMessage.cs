using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A picture message (JPEG, PNG or static GIF).</summary>
public sealed class PictureMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="PictureMessage"/> class.</summary>
    public PictureMessage()
        : base(MessageTypes.Picture)
    {
    }

    /// <summary>Gets or sets the description, at most 768 characters; may be empty but is required.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Gets or sets the image URL; the last path segment ends in .jpeg, .jpg, .png or .gif.</summary>
    [JsonPropertyName("media")]
    public string? Media { get; set; }

    /// <summary>Gets or sets the URL of a reduced size image (recommended 400x400, at most 100 KB).</summary>
    [JsonPropertyName("thumbnail")]
    public string? Thumbnail { get; set; }
}
