using System.Text.Json.Serialization;

namespace Viber.Benchmarks.Webhook;

/// <summary>The minimal callback the hand-written endpoint parses.</summary>
internal sealed record MinimalCallback(
    [property: JsonPropertyName("event")] string? Event,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message_token")] long MessageToken,
    [property: JsonPropertyName("user_id")] string? UserId);
