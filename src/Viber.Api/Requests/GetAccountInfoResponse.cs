using System.Text.Json.Serialization;
using Viber.Api.Messages;

namespace Viber.Api.Requests;

/// <summary>The response to get_account_info: the account as registered in Viber.</summary>
public sealed class GetAccountInfoResponse : ViberResponse
{
    /// <summary>Gets or sets the unique id of the account.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Gets or sets the account name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the unique URI of the account.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    /// <summary>Gets or sets the icon URL.</summary>
    [JsonPropertyName("icon")]
    public string? Icon { get; set; }

    /// <summary>Gets or sets the conversation background URL.</summary>
    [JsonPropertyName("background")]
    public string? Background { get; set; }

    /// <summary>Gets or sets the category.</summary>
    [JsonPropertyName("category")]
    public string? Category { get; set; }

    /// <summary>Gets or sets the sub-category.</summary>
    [JsonPropertyName("subcategory")]
    public string? Subcategory { get; set; }

    /// <summary>Gets or sets the account location.</summary>
    [JsonPropertyName("location")]
    public ViberLocation? Location { get; set; }

    /// <summary>Gets or sets the two-letter country code.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; set; }

    /// <summary>Gets or sets the registered webhook URL.</summary>
    [JsonPropertyName("webhook")]
    public string? Webhook { get; set; }

    /// <summary>Gets or sets the registered event types.</summary>
    [JsonPropertyName("event_types")]
    public IList<ViberEventType>? EventTypes { get; set; }

    /// <summary>Gets or sets the number of subscribers.</summary>
    [JsonPropertyName("subscribers_count")]
    public long? SubscribersCount { get; set; }

    /// <summary>Gets or sets the members of the bot's public chat (deprecated by Viber).</summary>
    [JsonPropertyName("members")]
    public IList<AccountMember>? Members { get; set; }
}
