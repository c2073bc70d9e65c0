using System.Globalization;
using ShowcaseBot.Menus;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace ShowcaseBot.Media;

/// <summary>Sends one message of each media type, and answers the media users send.</summary>
public static class MediaRoutes
{
    public const string MenuFile = "menu.pdf";
    public const string PictureFile = "espresso.png";

    /// <summary>The café's contact card.</summary>
    public static ViberContact Contact { get; } = new() { Name = "Showcase Café", PhoneNumber = "+380441234567" };

    /// <summary>The café's location (Kyiv, Khreshchatyk).</summary>
    public static ViberLocation Location { get; } = new() { Latitude = 50.4474, Longitude = 30.5222 };

    public static Task SendSamplesAsync(ViberMessageContext context, MediaLinks media)
        => context.ReplyAsync(
            new PictureMessage { Media = media.UrlOf(PictureFile), Text = "Our espresso" },
            new FileMessage { Media = media.UrlOf(MenuFile), FileName = MenuFile, Size = media.SizeOf(MenuFile) },
            new ContactMessage { Contact = new ViberContact { Name = Contact.Name, PhoneNumber = Contact.PhoneNumber } },
            new LocationMessage { Location = new ViberLocation { Latitude = Location.Latitude, Longitude = Location.Longitude } },
            new TextMessage { Text = "A picture, our menu, our phone and where we are.", Keyboard = MainMenu.Build() });

    public static Task ReceivedPictureAsync(ViberMessageContext context, PictureMessage picture)
        => context.ReplyAsync($"Nice picture{(string.IsNullOrEmpty(picture.Text) ? string.Empty : $" of {picture.Text}")}!", MainMenu.Build());

    public static Task ReceivedFileAsync(ViberMessageContext context, FileMessage file)
        => context.ReplyAsync(
            string.Create(CultureInfo.InvariantCulture, $"Got your file {file.FileName} ({file.FileSize ?? file.Size} bytes)."),
            MainMenu.Build());

    public static Task ReceivedContactAsync(ViberMessageContext context, ContactMessage contact)
        => context.ReplyAsync($"Thanks, I will remember {contact.Contact?.Name} ({contact.Contact?.PhoneNumber}).", MainMenu.Build());

    public static Task ReceivedLocationAsync(ViberMessageContext context, LocationMessage location)
        => context.ReplyAsync(
            string.Create(CultureInfo.InvariantCulture, $"You are at {location.Location?.Latitude:0.####}, {location.Location?.Longitude:0.####}. Order something and we bring it there."),
            MainMenu.Build());
}
