using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>The status carried by a <see cref="ClientStatusCallback"/>.</summary>
public sealed class ClientStatus
{
    /// <summary>Gets or sets the status type, such as <c>payment</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Gets or sets the status code.</summary>
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    /// <summary>Gets or sets the payment service providers the client supports.</summary>
    [JsonPropertyName("supported_psps")]
    public IList<string>? SupportedPsps { get; set; }

    /// <summary>Gets or sets the tracking data.</summary>
    [JsonPropertyName("tracking_data")]
    public string? TrackingData { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
