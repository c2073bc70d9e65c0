using System.Text.Json.Serialization;

namespace Viber.Benchmarks.SendPath;

/// <summary>The hand-written baseline's send_message body.</summary>
internal sealed record MinimalReply(
    [property: JsonPropertyName("receiver")] string Receiver,
    [property: JsonPropertyName("sender")] MinimalSender Sender,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text);
