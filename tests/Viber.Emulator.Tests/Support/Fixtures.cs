using System.Text.Json.Nodes;

namespace Viber.Emulator.Tests.Support;

/// <summary>Reads the documented JSON examples from tests/fixtures (copied next to the test binaries).</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static JsonObject Read(string name) => JsonNode.Parse(File.ReadAllBytes(Path.Combine(Directory, name)))!.AsObject();

    public static IEnumerable<string> Names(string prefix)
        => System.IO.Directory.EnumerateFiles(Directory, prefix + "*.json").Select(Path.GetFileName).OfType<string>().Order();
}
