using System.Text.Json;
using System.Text.Json.Nodes;

namespace Viber.Api.Tests.Support;

/// <summary>Compares JSON documents by meaning: property order is ignored, numbers compare by their exact text.</summary>
internal static class JsonAssert
{
    public static void Equivalent(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"JSON differs.\nExpected: {e?.ToJsonString()}\nActual:   {a?.ToJsonString()}");
    }

    public static JsonElement Parse(ReadOnlySpan<byte> json) => JsonDocument.Parse(json.ToArray()).RootElement.Clone();
}
