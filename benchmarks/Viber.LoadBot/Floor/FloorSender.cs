using System.Text.Json.Serialization;

namespace Viber.LoadBot.Floor;

/// <summary>A sender: the user of a callback, or the bot of a reply.</summary>
internal sealed record FloorSender([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("name")] string? Name);
