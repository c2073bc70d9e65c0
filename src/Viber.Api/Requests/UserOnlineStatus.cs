using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>One user's online status.</summary>
public sealed class UserOnlineStatus
{
    /// <summary>Gets or sets the user id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Gets or sets the status code.</summary>
    [JsonPropertyName("online_status")]
    public OnlineStatus OnlineStatus { get; set; }

    /// <summary>Gets or sets the status message.</summary>
    [JsonPropertyName("online_status_message")]
    public string? OnlineStatusMessage { get; set; }

    /// <summary>Gets or sets the time the user was last online, in milliseconds since the epoch (legacy field).</summary>
    [JsonPropertyName("last_online")]
    public long? LastOnline { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
