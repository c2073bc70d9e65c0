using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>A receiver a broadcast could not reach, with the reason.</summary>
public sealed class BroadcastFailure
{
    /// <summary>Gets or sets the receiver's Viber user id.</summary>
    [JsonPropertyName("receiver")]
    public string? Receiver { get; set; }

    /// <summary>Gets or sets why it failed (for example <see cref="ViberStatus.ReceiverNotSubscribed"/>).</summary>
    [JsonPropertyName("status")]
    public ViberStatus Status { get; set; }

    /// <summary>Gets or sets the failure message.</summary>
    [JsonPropertyName("status_message")]
    public string? StatusMessage { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
