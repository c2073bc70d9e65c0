using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>
/// A callback Viber posts to the bot's webhook. The concrete type follows the <c>event</c> field; an event this
/// library does not know arrives as <see cref="UnknownCallback"/>, never as an error.
/// </summary>
public abstract class ViberCallback
{
    /// <summary>Initializes a new instance of the <see cref="ViberCallback"/> class.</summary>
    /// <param name="eventType">The wire event name.</param>
    protected ViberCallback(string eventType) => Event = eventType;

    /// <summary>Gets or sets the event name (<c>message</c>, <c>delivered</c>, ...).</summary>
    [JsonPropertyName("event")]
    [JsonPropertyOrder(-10)]
    [JsonConverter(typeof(Serialization.EventNameConverter))]
    public string Event { get; set; }

    /// <summary>Gets or sets the time of the event in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timestamp")]
    [JsonPropertyOrder(-9)]
    public long Timestamp { get; set; }

    /// <summary>Gets or sets the unique id of the message (64-bit).</summary>
    [JsonPropertyName("message_token")]
    [JsonPropertyOrder(-8)]
    public long? MessageToken { get; set; }

    /// <summary>Gets or sets Viber's internal host name.</summary>
    [JsonPropertyName("chat_hostname")]
    public string? ChatHostname { get; set; }

    /// <summary>Gets or sets the silent flag Viber sets on some callbacks.</summary>
    [JsonPropertyName("silent")]
    public bool? Silent { get; set; }

    /// <summary>Gets the event time as a <see cref="DateTimeOffset"/>.</summary>
    [JsonIgnore]
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(Timestamp);

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// Gets the id of the user the callback is about, wherever its event puts it: the sender of a message, the user
    /// of a subscription or conversation start, the receiver of a delivered, seen or failed message.
    /// </summary>
    /// <returns>The user id, or <see langword="null"/> when the event names no user (webhook, an unknown event) or the field is missing.</returns>
    public abstract string? GetUserId();

    /// <summary>Calls <see cref="IViberCallbackVisitor{TResult}.Visit{TCallback}"/> with this callback as its concrete type.</summary>
    /// <typeparam name="TResult">What the visit returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>The visitor's result.</returns>
    public TResult Accept<TResult>(IViberCallbackVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return AcceptCore(visitor);
    }

    /// <summary>Calls <c>visitor.Visit(this)</c>, where <c>this</c> has the derived type, so the visit gets the concrete type.</summary>
    /// <typeparam name="TResult">What the visit returns.</typeparam>
    /// <param name="visitor">The visitor, not <see langword="null"/>.</param>
    /// <returns>The visitor's result.</returns>
    protected abstract TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor);
}
