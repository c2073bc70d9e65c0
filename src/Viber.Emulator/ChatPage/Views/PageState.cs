namespace Viber.Emulator.ChatPage.Views;

/// <summary>What <c>GET api/state</c> answers: the bot account (never its token) and the users, in creation order.</summary>
internal sealed record PageState(BotAccountSnapshot Bot, IReadOnlyList<PageUser> Users);
