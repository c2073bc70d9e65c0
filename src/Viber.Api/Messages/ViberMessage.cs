using System.Text.Json;
using System.Text.Json.Serialization;
using Viber.Api.Keyboards;

namespace Viber.Api.Messages;

/// <summary>
/// A Viber message, as the bot sends it (send_message, broadcast_message, a welcome message) and as a user's
/// message arrives in a <see cref="Callbacks.MessageCallback"/>. The concrete type follows the <c>type</c> field;
/// a type this library does not know arrives as <see cref="UnknownMessage"/>.
/// </summary>
public abstract class ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="ViberMessage"/> class.</summary>
    /// <param name="type">The wire message type, or <see langword="null"/> for a keyboard-only message.</param>
    protected ViberMessage(string? type) => Type = type;

    /// <summary>Gets or sets the receiver's Viber user id (send_message only).</summary>
    [JsonPropertyName("receiver")]
    [JsonPropertyOrder(-3)]
    public string? Receiver { get; set; }

    /// <summary>Gets or sets the message type.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    [JsonConverter(typeof(Serialization.MessageTypeConverter))]
    public string? Type { get; set; }

    /// <summary>Gets or sets the sender shown to the user; the client's default sender is used when unset.</summary>
    [JsonPropertyName("sender")]
    [JsonPropertyOrder(-1)]
    public ViberSender? Sender { get; set; }

    /// <summary>Gets or sets data passed back with the user's reply, at most 4,096 characters.</summary>
    [JsonPropertyName("tracking_data")]
    public string? TrackingData { get; set; }

    /// <summary>Gets or sets the minimal client API version this message needs (Viber's default is 1).</summary>
    [JsonPropertyName("min_api_version")]
    public int? MinApiVersion { get; set; }

    /// <summary>Gets or sets a keyboard shown with this message.</summary>
    [JsonPropertyName("keyboard")]
    public Keyboard? Keyboard { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
