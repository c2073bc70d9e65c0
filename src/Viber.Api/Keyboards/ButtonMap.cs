using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The location a button opens on a map (API version 6).</summary>
public sealed class ButtonMap
{
    /// <summary>Gets or sets the latitude, −90 to 90.</summary>
    [JsonPropertyName("Latitude")]
    public double? Latitude { get; set; }

    /// <summary>Gets or sets the longitude, −180 to 180.</summary>
    [JsonPropertyName("Longitude")]
    public double? Longitude { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
