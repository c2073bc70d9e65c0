using System.Text.Json.Serialization;

namespace Viber.LoadBot.Floor;

/// <summary>The minimal callback the floor parses.</summary>
internal sealed record FloorCallback(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message_token")] long MessageToken,
    [property: JsonPropertyName("sender")] FloorSender? Sender,
    [property: JsonPropertyName("message")] FloorMessage? Message);
