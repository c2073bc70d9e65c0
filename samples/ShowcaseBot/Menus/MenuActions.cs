namespace ShowcaseBot.Menus;

/// <summary>The ActionBody of each main menu button: what a tap sends back to the bot, and what the routes match.</summary>
public static class MenuActions
{
    public const string Menu = "menu";
    public const string Order = "order";
    public const string Media = "media";
    public const string Invite = "invite";
    public const string AboutMe = "me";
    public const string Online = "online";
}
