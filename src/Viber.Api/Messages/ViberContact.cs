using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A contact card.</summary>
public sealed class ViberContact
{
    /// <summary>Gets or sets the contact's name, at most 28 characters when sending.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the phone number, at most 18 characters when sending.</summary>
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; set; }

    /// <summary>Gets or sets the contact's avatar URL (in users' messages).</summary>
    [JsonPropertyName("avatar")]
    public string? Avatar { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
