namespace Viber.Testing.ChatPage.Views;

/// <summary>What <c>GET api/state</c> answers: the bot account and the users, in creation order.</summary>
internal sealed record PageState(PageBot Bot, IReadOnlyList<PageUser> Users);
