using System.Text.Json.Serialization;

namespace Viber.LoadBot.Floor;

/// <summary>The floor's send_message body.</summary>
internal sealed record FloorReply(
    [property: JsonPropertyName("receiver")] string? Receiver,
    [property: JsonPropertyName("sender")] FloorSender Sender,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text);
