using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>A member of the bot's public chat (deprecated by Viber).</summary>
public sealed class AccountMember
{
    /// <summary>Gets or sets the member's user id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Gets or sets the member's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the member's avatar URL.</summary>
    [JsonPropertyName("avatar")]
    public string? Avatar { get; set; }

    /// <summary>Gets or sets the role: <c>admin</c> or <c>participant</c>.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
