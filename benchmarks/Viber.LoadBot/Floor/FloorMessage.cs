using System.Text.Json.Serialization;

namespace Viber.LoadBot.Floor;

/// <summary>The message of a message callback.</summary>
internal sealed record FloorMessage([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("text")] string? Text);
