using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The response to send_message.</summary>
public sealed class SendMessageResponse : ViberResponse
{
    /// <summary>Gets or sets the unique id of the sent message (64-bit).</summary>
    [JsonPropertyName("message_token")]
    public long MessageToken { get; set; }

    /// <summary>Gets or sets how the message is billed.</summary>
    [JsonPropertyName("billing_status")]
    public BillingStatus? BillingStatus { get; set; }
}
