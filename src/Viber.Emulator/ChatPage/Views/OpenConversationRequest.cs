namespace Viber.Emulator.ChatPage.Views;

/// <summary>The body of <c>POST api/users/{id}/open</c>.</summary>
/// <param name="Context">The deep link's <c>context</c>, if any.</param>
internal sealed record OpenConversationRequest(string? Context);
