using System.Text.Json.Nodes;

namespace Viber.Tests.Shared;

/// <summary>Reads Viber's documented JSON examples from tests/fixtures (copied next to the test binaries).</summary>
public static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static JsonObject ReadJson(string name) => JsonNode.Parse(Read(name))!.AsObject();

    public static IEnumerable<string> Names(string prefix)
        => System.IO.Directory.EnumerateFiles(Directory, prefix + "*.json").Select(Path.GetFileName).OfType<string>().Order();
}
