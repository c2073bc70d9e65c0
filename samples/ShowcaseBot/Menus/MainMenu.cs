using Viber.Api.Keyboards;

namespace ShowcaseBot.Menus;

/// <summary>The main menu keyboard, shown with the welcome message and after every finished step.</summary>
public static class MainMenu
{
    /// <summary>Builds the keyboard; a new instance per message, since a reply may be changed in place.</summary>
    /// <returns>The keyboard.</returns>
    public static Keyboard Build() => new KeyboardBuilder()
        .AddButton("☕ Order", MenuActions.Order, columns: 3)
        .AddButton("🖼 Media", MenuActions.Media, columns: 3)
        .AddButton("👤 About me", MenuActions.AboutMe, columns: 2)
        .AddButton("🟢 Online", MenuActions.Online, columns: 2)
        .AddButton("🔗 Invite", MenuActions.Invite, columns: 2)
        .Build();
}
