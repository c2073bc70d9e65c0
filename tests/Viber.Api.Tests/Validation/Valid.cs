using Viber.Api.Keyboards;
using Viber.Api.Messages;

namespace Viber.Api.Tests.Validation;

/// <summary>Messages that pass validation, for tests to push one field to (and past) its limit.</summary>
internal static class Valid
{
    public const string Receiver = "01234567890A=";

    /// <summary>Runs <paramref name="change"/> on the message and returns it.</summary>
    public static T With<T>(T message, Action<T> change)
    {
        change(message);
        return message;
    }

    public static ViberSender Sender() => new("Bot", "https://example.com/avatar.png");

    public static TextMessage Text(string? text = "Hello") => new() { Receiver = Receiver, Sender = Sender(), Text = text };

    public static PictureMessage Picture(string? media = "https://example.com/a.jpg")
        => new() { Receiver = Receiver, Sender = Sender(), Text = "", Media = media };

    public static VideoMessage Video(string? media = "https://example.com/v.mp4")
        => new() { Receiver = Receiver, Sender = Sender(), Media = media, Size = 1000 };

    public static FileMessage File(string? fileName = "report.pdf")
        => new() { Receiver = Receiver, Sender = Sender(), Media = "https://example.com/report.pdf", Size = 1000, FileName = fileName };

    public static ContactMessage Contact(string? name = "Jane", string? phone = "+15551234567")
        => new() { Receiver = Receiver, Sender = Sender(), Contact = new ViberContact { Name = name, PhoneNumber = phone } };

    public static LocationMessage Location(double lat = 0, double lon = 0)
        => new() { Receiver = Receiver, Sender = Sender(), Location = new ViberLocation { Latitude = lat, Longitude = lon } };

    public static UrlMessage Url(string? media = "https://example.com")
        => new() { Receiver = Receiver, Sender = Sender(), Media = media };

    public static StickerMessage Sticker(long? id = 40129) => new() { Receiver = Receiver, Sender = Sender(), StickerId = id };

    public static KeyboardMessage KeyboardOnly(Keyboard? keyboard = null)
        => new() { Receiver = Receiver, Sender = Sender(), Keyboard = keyboard };

    public static Button Button() => new() { Text = "Yes", ActionBody = "yes" };

    /// <summary>A text message with a one-button keyboard, after <paramref name="configure"/> ran on the keyboard.</summary>
    public static TextMessage WithKeyboard(Action<Keyboard> configure)
    {
        var keyboard = new Keyboard { Buttons = [Button()] };
        configure(keyboard);
        var message = Text();
        message.Keyboard = keyboard;
        return message;
    }

    /// <summary>A text message whose keyboard's only button went through <paramref name="configure"/>.</summary>
    public static TextMessage WithButton(Action<Button> configure) => WithKeyboard(k => configure(k.Buttons[0]));

    /// <summary>A rich media message with one button, after <paramref name="configure"/> ran on the content.</summary>
    public static RichMediaMessage RichMedia(Action<RichMedia>? configure = null)
    {
        var richMedia = new RichMedia { Buttons = [Button()] };
        configure?.Invoke(richMedia);
        return new RichMediaMessage { Receiver = Receiver, Sender = Sender(), RichMedia = richMedia };
    }

    /// <summary>A rich media message whose only button went through <paramref name="configure"/>.</summary>
    public static RichMediaMessage WithRichButton(Action<Button> configure) => RichMedia(r => configure(r.Buttons[0]));

    /// <summary><paramref name="count"/> copies of <see cref="Button"/>, each configured.</summary>
    public static List<Button> Buttons(int count, Action<Button>? configure = null)
        => [.. Enumerable.Range(0, count).Select(_ =>
        {
            var button = Button();
            configure?.Invoke(button);
            return button;
        })];
}
