using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The body of get_online: at most 100 ids per request.</summary>
public sealed class GetOnlineRequest
{
    /// <summary>Gets or sets the user ids.</summary>
    [JsonPropertyName("ids")]
    public IList<string> Ids { get; set; } = [];
}
