using System.Text.Json.Serialization;

namespace Viber.Api.Requests;

/// <summary>The body of set_webhook. An empty <see cref="Url"/> removes the webhook.</summary>
public sealed class SetWebhookRequest
{
    /// <summary>Gets or sets the public HTTPS webhook URL, or an empty string to remove the webhook.</summary>
    [JsonPropertyName("url")]
    public string Url { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the events to receive. <see langword="null"/> (omitted) means all events; an empty list means
    /// only the mandatory ones (message, subscribed, unsubscribed).
    /// </summary>
    [JsonPropertyName("event_types")]
    public IList<ViberEventType>? EventTypes { get; set; }

    /// <summary>Gets or sets a value indicating whether callbacks carry user names.</summary>
    [JsonPropertyName("send_name")]
    public bool? SendName { get; set; }

    /// <summary>Gets or sets a value indicating whether callbacks carry user photos.</summary>
    [JsonPropertyName("send_photo")]
    public bool? SendPhoto { get; set; }
}
