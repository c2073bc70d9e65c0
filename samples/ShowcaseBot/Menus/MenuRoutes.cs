using Viber.AspNetCore;

namespace ShowcaseBot.Menus;

/// <summary>The main menu itself and the answer to messages no other route takes.</summary>
public static class MenuRoutes
{
    public static Task ShowAsync(ViberMessageContext context)
        => context.ReplyAsync("What would you like to do?", MainMenu.Build());

    public static Task NotUnderstoodAsync(ViberMessageContext context)
        => context.ReplyAsync($"Sorry {context.User?.Name}, I did not get that. Tap a button below.", MainMenu.Build());
}
