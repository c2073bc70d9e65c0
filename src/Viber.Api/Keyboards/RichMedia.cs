using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The carousel content of a <see cref="Messages.RichMediaMessage"/>: blocks of buttons laid out on a grid.</summary>
public sealed class RichMedia
{
    /// <summary>The wire value of <see cref="Type"/> for rich media.</summary>
    public const string RichMediaType = "rich_media";

    /// <summary>Gets or sets the object type.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; } = RichMediaType;

    /// <summary>Gets or sets the number of columns per block, 1–6 (default 6).</summary>
    [JsonPropertyName("ButtonsGroupColumns")]
    public int? ButtonsGroupColumns { get; set; }

    /// <summary>Gets or sets the number of rows per block, 1–7 (default 7).</summary>
    [JsonPropertyName("ButtonsGroupRows")]
    public int? ButtonsGroupRows { get; set; }

    /// <summary>Gets or sets the background colour as <c>#RRGGBB</c>.</summary>
    [JsonPropertyName("BgColor")]
    public string? BackgroundColor { get; set; }

    /// <summary>Gets or sets the height scale, 20–100 (percent). Needs API version 3.</summary>
    [JsonPropertyName("HeightScale")]
    public int? HeightScale { get; set; }

    /// <summary>Gets or sets the buttons: at most 6 × columns × rows, laid out in blocks.</summary>
    [JsonPropertyName("Buttons")]
    public IList<Button> Buttons { get; set; } = [];

    /// <summary>Gets or sets the favorites metadata, kept as raw JSON. Needs API version 6.</summary>
    [JsonPropertyName("FavoritesMetadata")]
    public JsonElement? FavoritesMetadata { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
