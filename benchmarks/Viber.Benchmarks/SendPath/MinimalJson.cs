using System.Text.Json.Serialization;

namespace Viber.Benchmarks.SendPath;

/// <summary>The hand-written baseline's source-generated JSON context.</summary>
[JsonSerializable(typeof(MinimalReply))]
[JsonSerializable(typeof(MinimalStatus))]
internal sealed partial class MinimalJson : JsonSerializerContext;
