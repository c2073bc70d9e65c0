using System.Text.Json.Serialization;

namespace Viber.LoadBot.Floor;

/// <summary>The status of an API answer.</summary>
internal sealed record FloorStatus([property: JsonPropertyName("status")] int Status);
