using System.Text.Json;

namespace Viber.Emulator.Tests.ChatPage;

/// <summary>One server-sent event frame.</summary>
internal sealed record SseFrame(IReadOnlyList<string> Lines)
{
    public string? Id => Field("id");

    public JsonElement? Data => Field("data") is { } data ? JsonDocument.Parse(data).RootElement.Clone() : null;

    public bool IsComment => Lines.Count > 0 && Lines.All(line => line.StartsWith(':'));

    private string? Field(string name)
        => Lines.FirstOrDefault(line => line.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..];
}
