using System.Text.Json;

namespace Viber.Emulator.ChatPage.Views;

/// <summary>
/// What <c>GET api/users/{id}/conversation</c> answers: the messages, oldest first, and the keyboard the user's client
/// shows now (the emulator's, not the last one in the list: a keyboard on a message the client rejected is not shown).
/// </summary>
internal sealed record PageConversation
{
    public required string UserId { get; init; }

    public JsonElement? Keyboard { get; init; }

    public required IReadOnlyList<PageMessage> Messages { get; init; }
}
