using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A video message (MP4, H264).</summary>
public sealed class VideoMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="VideoMessage"/> class.</summary>
    public VideoMessage()
        : base(MessageTypes.Video)
    {
    }

    /// <summary>Gets or sets the video URL; the last path segment ends in .mp4.</summary>
    [JsonPropertyName("media")]
    public string? Media { get; set; }

    /// <summary>Gets or sets the size in bytes (required when sending; at most 26 MB).</summary>
    [JsonPropertyName("size")]
    public long? Size { get; set; }

    /// <summary>Gets or sets the duration: seconds when sending (at most 180), milliseconds in a user's message.</summary>
    [JsonPropertyName("duration")]
    public long? Duration { get; set; }

    /// <summary>Gets or sets the URL of a JPEG thumbnail (at most 100 KB).</summary>
    [JsonPropertyName("thumbnail")]
    public string? Thumbnail { get; set; }
}
