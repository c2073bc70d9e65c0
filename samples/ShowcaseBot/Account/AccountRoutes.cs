using System.Globalization;
using ShowcaseBot.Menus;
using ShowcaseBot.Subscribers;
using Viber.Api.DeepLinks;
using Viber.Api.Requests;
using Viber.AspNetCore;
using Viber.AspNetCore.Users;

namespace ShowcaseBot.Account;

/// <summary>What the bot knows about the user (get_user_details, cached), who is online (get_online), and invitations (deep links).</summary>
public static class AccountRoutes
{
    /// <summary>get_online takes at most 100 ids per call.</summary>
    public const int MaxOnlineIds = 100;

    public static async Task AboutMeAsync(ViberMessageContext context)
    {
        UserDetails details;
        try
        {
            // Through the cache: Viber allows two get_user_details calls per user per 12 hours.
            details = await context.GetUserDetailsAsync();
        }
        catch (ViberUserDetailsQuotaExceededException exception)
        {
            // Nothing cached and no call left: say when to ask again rather than failing the callback (a retry would not help).
            var next = exception.NextCallAt?.ToString("u", CultureInfo.InvariantCulture) ?? "later";
            await context.ReplyAsync($"Viber lets me look you up only twice in 12 hours. Ask again after {next}.", MainMenu.Build());
            return;
        }

        await context.ReplyAsync(
            $"You are {details.Name}, from {details.Country}, language {details.Language}, on {details.PrimaryDeviceOs} ({details.DeviceType}) with Viber {details.ViberVersion}.",
            MainMenu.Build());
    }

    public static async Task OnlineAsync(ViberMessageContext context, ISubscriberStore subscribers)
    {
        // The user first, then other subscribers up to get_online's limit of one call.
        var userId = context.UserId!;
        var ids = subscribers.GetAll().Where(id => id != userId).Take(MaxOnlineIds - 1).Prepend(userId).ToList();
        var statuses = await context.Client.GetOnlineAsync(ids, context.CancellationToken);
        var mine = statuses.FirstOrDefault(s => s.Id == userId);
        var online = statuses.Count(s => s.OnlineStatus == OnlineStatus.Online);
        await context.ReplyAsync(
            string.Create(CultureInfo.InvariantCulture, $"You are {mine?.OnlineStatusMessage ?? "unknown"}. {online} of {statuses.Count} subscribers checked are online."),
            MainMenu.Build());
    }

    public static async Task InviteAsync(ViberMessageContext context)
    {
        // The bot's URI is its account's; a friend who taps the link opens the conversation with this context, and the
        // welcome message (WelcomeMessage) shows it.
        var account = await context.Client.GetAccountInfoAsync(context.CancellationToken);
        if (string.IsNullOrEmpty(account.Uri))
        {
            await context.ReplyAsync("This bot has no public URI yet, so there is no link to share.", MainMenu.Build());
            return;
        }

        var link = ViberDeepLink.Conversation(account.Uri, context: InviteContext(context.User?.Name));
        await context.ReplyAsync($"Send this link to a friend: {link}", MainMenu.Build());
    }

    /// <summary>Gets the deep-link context of an invitation from a user.</summary>
    /// <param name="name">The inviting user's name.</param>
    /// <returns>The context.</returns>
    public static string InviteContext(string? name) => $"invited by {name ?? "a friend"}";
}
