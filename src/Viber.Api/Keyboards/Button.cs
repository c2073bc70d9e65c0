using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>
/// A button of a <see cref="Keyboard"/> or a <see cref="RichMedia"/> message, with every documented parameter.
/// A button needs an <see cref="ActionBody"/> and at least one of <see cref="Text"/>, <see cref="BackgroundMedia"/>,
/// <see cref="Image"/> or <see cref="BackgroundColor"/>.
/// </summary>
public sealed class Button
{
    /// <summary>Gets or sets the column span, 1–6 (rich media: 1..ButtonsGroupColumns). Viber's default is 6.</summary>
    [JsonPropertyName("Columns")]
    public int? Columns { get; set; }

    /// <summary>Gets or sets the row span: keyboards 1–2, rich media 1..ButtonsGroupRows (≤ 7). Viber's default is 1.</summary>
    [JsonPropertyName("Rows")]
    public int? Rows { get; set; }

    /// <summary>Gets or sets the background colour as <c>#RRGGBB</c>.</summary>
    [JsonPropertyName("BgColor")]
    public string? BackgroundColor { get; set; }

    /// <summary>Gets or sets a value indicating whether the user's tap is hidden from the chat (Viber 6.7+).</summary>
    [JsonPropertyName("Silent")]
    public bool? Silent { get; set; }

    /// <summary>Gets or sets the type of the background media.</summary>
    [JsonPropertyName("BgMediaType")]
    public BackgroundMediaType? BackgroundMediaType { get; set; }

    /// <summary>Gets or sets the URL of the background media (JPEG/PNG/GIF, at most 500 KB).</summary>
    [JsonPropertyName("BgMedia")]
    public string? BackgroundMedia { get; set; }

    /// <summary>Gets or sets how the background media is scaled. Needs API version 6.</summary>
    [JsonPropertyName("BgMediaScaleType")]
    public MediaScaleType? BackgroundMediaScaleType { get; set; }

    /// <summary>Gets or sets how <see cref="Image"/> is scaled. Needs API version 6.</summary>
    [JsonPropertyName("ImageScaleType")]
    public MediaScaleType? ImageScaleType { get; set; }

    /// <summary>Gets or sets a value indicating whether a GIF background loops (Viber's default) or plays once.</summary>
    [JsonPropertyName("BgLoop")]
    public bool? BackgroundLoop { get; set; }

    /// <summary>Gets or sets what a tap does. Viber's default is <see cref="ButtonActionType.Reply"/>.</summary>
    [JsonPropertyName("ActionType")]
    public ButtonActionType? ActionType { get; set; }

    /// <summary>Gets or sets the text sent back on reply, or the URL for open-url. Required.</summary>
    [JsonPropertyName("ActionBody")]
    public string? ActionBody { get; set; }

    /// <summary>Gets or sets the URL of an image drawn over the background (JPEG/PNG, at most 500 KB).</summary>
    [JsonPropertyName("Image")]
    public string? Image { get; set; }

    /// <summary>Gets or sets the text, at most 250 characters; supports <c>&lt;b&gt; &lt;i&gt; &lt;u&gt; &lt;br&gt; &lt;s&gt; &lt;font&gt;</c>.</summary>
    [JsonPropertyName("Text")]
    public string? Text { get; set; }

    /// <summary>Gets or sets the vertical alignment of the text.</summary>
    [JsonPropertyName("TextVAlign")]
    public TextVerticalAlign? TextVerticalAlign { get; set; }

    /// <summary>Gets or sets the horizontal alignment of the text.</summary>
    [JsonPropertyName("TextHAlign")]
    public TextHorizontalAlign? TextHorizontalAlign { get; set; }

    /// <summary>Gets or sets the text paddings, four values 0–12. Needs API version 4.</summary>
    [JsonPropertyName("TextPaddings")]
    public IList<int>? TextPaddings { get; set; }

    /// <summary>Gets or sets the text opacity, 0–100.</summary>
    [JsonPropertyName("TextOpacity")]
    public int? TextOpacity { get; set; }

    /// <summary>Gets or sets the text size.</summary>
    [JsonPropertyName("TextSize")]
    public TextSize? TextSize { get; set; }

    /// <summary>Gets or sets where an open-url button opens its URL.</summary>
    [JsonPropertyName("OpenURLType")]
    public OpenUrlType? OpenUrlType { get; set; }

    /// <summary>Gets or sets the media type an open-url button opens.</summary>
    [JsonPropertyName("OpenURLMediaType")]
    public OpenUrlMediaType? OpenUrlMediaType { get; set; }

    /// <summary>Gets or sets the gradient colour behind the text (<c>#RRGGBB</c>), used with top or bottom alignment.</summary>
    [JsonPropertyName("TextBgGradientColor")]
    public string? TextBackgroundGradientColor { get; set; }

    /// <summary>Gets or sets a value indicating whether the text shrinks to fit (minimum 12pt). Needs API version 6.</summary>
    [JsonPropertyName("TextShouldFit")]
    public bool? TextShouldFit { get; set; }

    /// <summary>Gets or sets the internal browser configuration for open-url buttons. Needs API version 3.</summary>
    [JsonPropertyName("InternalBrowser")]
    public InternalBrowser? InternalBrowser { get; set; }

    /// <summary>Gets or sets the map configuration (open-map action). Needs API version 6.</summary>
    [JsonPropertyName("Map")]
    public ButtonMap? Map { get; set; }

    /// <summary>Gets or sets the frame drawn above the background. Needs API version 6.</summary>
    [JsonPropertyName("Frame")]
    public ButtonFrame? Frame { get; set; }

    /// <summary>Gets or sets the media player configuration for video or audio URLs. Needs API version 6.</summary>
    [JsonPropertyName("MediaPlayer")]
    public MediaPlayer? MediaPlayer { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
