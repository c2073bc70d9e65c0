using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace ShowcaseBot.Menus;

/// <summary>
/// Answers conversation_started with a welcome message and the main menu, in the webhook's response. A deep link's
/// context (see <see cref="Account.AccountRoutes.InviteAsync"/>) arrives here and is reflected in the greeting.
/// </summary>
public sealed class WelcomeMessage : IViberConversationStartedHandler
{
    public Task<ViberMessage?> HandleAsync(ConversationStartedCallback callback, CancellationToken cancellationToken)
    {
        var greeting = $"Hi {callback.User?.Name ?? "there"}! Welcome to the Showcase Café.";
        var origin = string.IsNullOrEmpty(callback.Context) ? string.Empty : $" You came with the link '{callback.Context}'.";
        return Task.FromResult<ViberMessage?>(new TextMessage
        {
            Text = $"{greeting}{origin} Tap a button to start.",
            Keyboard = MainMenu.Build(),
        });
    }
}
