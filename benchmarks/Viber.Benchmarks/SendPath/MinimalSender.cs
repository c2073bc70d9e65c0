using System.Text.Json.Serialization;

namespace Viber.Benchmarks.SendPath;

/// <summary>The hand-written baseline's sender.</summary>
internal sealed record MinimalSender([property: JsonPropertyName("name")] string Name);
