using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The response to set_webhook.</summary>
public sealed class SetWebhookResponse : ViberResponse
{
    /// <summary>Gets or sets the event types Viber will send callbacks for.</summary>
    [JsonPropertyName("event_types")]
    public IList<ViberEventType>? EventTypes { get; set; }
}
