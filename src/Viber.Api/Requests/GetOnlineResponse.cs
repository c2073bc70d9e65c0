using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The response to get_online.</summary>
public sealed class GetOnlineResponse : ViberResponse
{
    /// <summary>Gets or sets the online status of each requested user.</summary>
    [JsonPropertyName("users")]
    public IList<UserOnlineStatus> Users { get; set; } = [];
}
