using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The response to one broadcast_message request (at most 300 receivers).</summary>
public sealed class BroadcastMessageResponse : ViberResponse
{
    /// <summary>Gets or sets the unique id of the broadcast message.</summary>
    [JsonPropertyName("message_token")]
    public long MessageToken { get; set; }

    /// <summary>Gets or sets the receivers the message could not be sent to.</summary>
    [JsonPropertyName("failed_list")]
    public IList<BroadcastFailure>? FailedList { get; set; }

    /// <summary>Gets or sets how the message is billed.</summary>
    [JsonPropertyName("billing_status")]
    public BillingStatus? BillingStatus { get; set; }
}
