using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>A frame drawn above a button's background (API version 6).</summary>
public sealed class ButtonFrame
{
    /// <summary>Gets or sets the border width, 0–10. Viber's default is 1.</summary>
    [JsonPropertyName("BorderWidth")]
    public int? BorderWidth { get; set; }

    /// <summary>Gets or sets the border colour as <c>#RRGGBB</c>. Viber's default is black.</summary>
    [JsonPropertyName("BorderColor")]
    public string? BorderColor { get; set; }

    /// <summary>Gets or sets the corner radius, 0–10.</summary>
    [JsonPropertyName("CornerRadius")]
    public int? CornerRadius { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
