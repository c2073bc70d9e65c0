using System.Text.Json.Serialization;

namespace Viber.Benchmarks.Webhook;

/// <summary>The hand-written endpoint's source-generated JSON context.</summary>
[JsonSerializable(typeof(MinimalCallback))]
internal sealed partial class MinimalCallbackJson : JsonSerializerContext;
