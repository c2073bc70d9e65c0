using System.Text.Json;
using Viber.Api;

namespace Viber.Emulator.Tests.Support;

/// <summary>What the fake Bot API answered, read straight from the JSON.</summary>
internal sealed record ApiAnswer(int HttpStatus, JsonElement Json)
{
    public ViberStatus Status => (ViberStatus)Json.GetProperty("status").GetInt32();

    public string? StatusMessage => Json.TryGetProperty("status_message", out var message) ? message.GetString() : null;

    public long MessageToken => Json.GetProperty("message_token").GetInt64();

    public override string ToString() => $"HTTP {HttpStatus}: {Json}";
}
