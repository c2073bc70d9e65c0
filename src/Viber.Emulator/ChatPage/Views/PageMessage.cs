using System.Text.Json;

namespace Viber.Emulator.ChatPage.Views;

/// <summary>One message of a conversation, with its JSON exactly as it was sent.</summary>
internal sealed record PageMessage
{
    /// <summary>Gets the message token as a string: 19-digit tokens do not survive JavaScript numbers.</summary>
    public required string Token { get; init; }

    /// <summary>Gets <c>bot</c> (the bot wrote) or <c>user</c> (the user wrote).</summary>
    public required string Direction { get; init; }

    /// <summary>Gets <c>user</c>, <c>send_message</c>, <c>broadcast</c> or <c>welcome</c>.</summary>
    public required string Origin { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets <c>sending</c>, <c>delivered</c>, <c>seen</c> or <c>failed</c>: the ticks.</summary>
    public required string Status { get; init; }

    public string? Error { get; init; }

    public bool Silent { get; init; }

    public required JsonElement Message { get; init; }
}
