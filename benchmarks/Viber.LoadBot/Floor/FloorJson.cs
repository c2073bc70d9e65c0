using System.Text.Json.Serialization;

namespace Viber.LoadBot.Floor;

/// <summary>The floor's source-generated JSON context.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorCallback))]
[JsonSerializable(typeof(FloorReply))]
[JsonSerializable(typeof(FloorStatus))]
internal sealed partial class FloorJson : JsonSerializerContext;
