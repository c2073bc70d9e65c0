using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The response to get_user_details.</summary>
public sealed class GetUserDetailsResponse : ViberResponse
{
    /// <summary>Gets or sets the unique id of the request.</summary>
    [JsonPropertyName("message_token")]
    public long? MessageToken { get; set; }

    /// <summary>Gets or sets the user's details.</summary>
    [JsonPropertyName("user")]
    public UserDetails? User { get; set; }
}
