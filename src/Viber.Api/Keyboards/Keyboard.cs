using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>
/// A custom keyboard shown instead of the device keyboard. It can be attached to any message or sent alone
/// (<see cref="Messages.KeyboardMessage"/>); the client shows the last keyboard it received.
/// </summary>
public sealed class Keyboard
{
    /// <summary>The wire value of <see cref="Type"/> for keyboards.</summary>
    public const string KeyboardType = "keyboard";

    /// <summary>Gets or sets the object type; Viber rejects keyboards without it.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; } = KeyboardType;

    /// <summary>Gets or sets the buttons in display order: at least one.</summary>
    [JsonPropertyName("Buttons")]
    public IList<Button> Buttons { get; set; } = [];

    /// <summary>Gets or sets the background colour as <c>#RRGGBB</c>.</summary>
    [JsonPropertyName("BgColor")]
    public string? BackgroundColor { get; set; }

    /// <summary>Gets or sets a value indicating whether the keyboard has the native keyboard's height.</summary>
    [JsonPropertyName("DefaultHeight")]
    public bool? DefaultHeight { get; set; }

    /// <summary>Gets or sets a custom height, 40–70 (percent of free chat space). Needs API version 3.</summary>
    [JsonPropertyName("CustomDefaultHeight")]
    public int? CustomDefaultHeight { get; set; }

    /// <summary>Gets or sets the height scale, 20–100 (percent). Needs API version 3.</summary>
    [JsonPropertyName("HeightScale")]
    public int? HeightScale { get; set; }

    /// <summary>Gets or sets the number of columns per block, 1–6. Needs API version 4.</summary>
    [JsonPropertyName("ButtonsGroupColumns")]
    public int? ButtonsGroupColumns { get; set; }

    /// <summary>Gets or sets the number of rows per block, 1–2 for keyboards. Needs API version 4.</summary>
    [JsonPropertyName("ButtonsGroupRows")]
    public int? ButtonsGroupRows { get; set; }

    /// <summary>Gets or sets how the input field is shown. Needs API version 4.</summary>
    [JsonPropertyName("InputFieldState")]
    public InputFieldState? InputFieldState { get; set; }

    /// <summary>Gets or sets the favorites metadata, kept as raw JSON (Viber does not document its fields). Needs API version 6.</summary>
    [JsonPropertyName("FavoritesMetadata")]
    public JsonElement? FavoritesMetadata { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
