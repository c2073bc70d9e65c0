using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The body of get_user_details.</summary>
public sealed class GetUserDetailsRequest
{
    /// <summary>Gets or sets the user id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;
}
