using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>A Viber user's profile as callbacks carry it (<c>user</c> or <c>sender</c>).</summary>
public class ViberUser
{
    /// <summary>Gets or sets the unique Viber user id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Gets or sets the user's Viber name (a placeholder when the bot opted out of names).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the avatar URL.</summary>
    [JsonPropertyName("avatar")]
    public string? Avatar { get; set; }

    /// <summary>Gets or sets the two-letter country code (ISO 3166-1 alpha-2).</summary>
    [JsonPropertyName("country")]
    public string? Country { get; set; }

    /// <summary>Gets or sets the device language (ISO 639-1).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }

    /// <summary>Gets or sets the highest API version all the user's devices support.</summary>
    [JsonPropertyName("api_version")]
    public int? ApiVersion { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
