using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The envelope every Viber API response shares. Errors arrive as HTTP 200 with a non-zero status.</summary>
public class ViberResponse
{
    /// <summary>Gets or sets the result; <see cref="ViberStatus.Ok"/> for success.</summary>
    [JsonPropertyName("status")]
    public ViberStatus Status { get; set; }

    /// <summary>Gets or sets <c>ok</c> or the failure reason; Viber sometimes omits it.</summary>
    [JsonPropertyName("status_message")]
    public string? StatusMessage { get; set; }

    /// <summary>Gets or sets Viber's internal host name.</summary>
    [JsonPropertyName("chat_hostname")]
    public string? ChatHostname { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
