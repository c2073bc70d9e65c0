using System.Text.Json.Serialization;

namespace Viber.Benchmarks.SendPath;

/// <summary>The status the hand-written baseline reads from the answer.</summary>
internal sealed record MinimalStatus([property: JsonPropertyName("status")] int Status);
