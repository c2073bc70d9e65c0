using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The media player shown for video or audio URLs opened by a button (API version 6).</summary>
public sealed class MediaPlayer
{
    /// <summary>Gets or sets the title.</summary>
    [JsonPropertyName("Title")]
    public string? Title { get; set; }

    /// <summary>Gets or sets the subtitle.</summary>
    [JsonPropertyName("Subtitle")]
    public string? Subtitle { get; set; }

    /// <summary>Gets or sets the URL of the thumbnail.</summary>
    [JsonPropertyName("ThumbnailURL")]
    public string? ThumbnailUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether playback loops.</summary>
    [JsonPropertyName("Loop")]
    public bool? Loop { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
