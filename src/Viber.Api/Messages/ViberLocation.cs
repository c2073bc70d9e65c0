using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A pair of coordinates (numbers on output; strings are accepted on input).</summary>
public sealed class ViberLocation
{
    /// <summary>Gets or sets the latitude, −90 to 90.</summary>
    [JsonPropertyName("lat")]
    public double Latitude { get; set; }

    /// <summary>Gets or sets the longitude, −180 to 180.</summary>
    [JsonPropertyName("lon")]
    public double Longitude { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
