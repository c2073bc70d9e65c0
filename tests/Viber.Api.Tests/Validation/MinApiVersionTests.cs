using System.Text.Json;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Validation;

namespace Viber.Api.Tests.Validation;

public sealed class MinApiVersionTests
{
    private const string B = "keyboard.Buttons[0]";

    private static readonly Dictionary<string, Func<ViberMessage>> Features = new()
    {
        ["nothing"] = () => Valid.Text(),
        ["plain keyboard"] = () => Valid.WithButton(b => (b.Text, b.TextSize, b.Silent) = ("<b>Hi</b> <font color=\"#fff\">x</font>", TextSize.Large, true)),
        ["CustomDefaultHeight"] = () => Valid.WithKeyboard(k => k.CustomDefaultHeight = 50),
        ["HeightScale"] = () => Valid.WithKeyboard(k => k.HeightScale = 50),
        ["ButtonsGroupColumns"] = () => Valid.WithKeyboard(k => k.ButtonsGroupColumns = 6),
        ["ButtonsGroupRows"] = () => Valid.WithKeyboard(k => k.ButtonsGroupRows = 2),
        ["InputFieldState"] = () => Valid.WithKeyboard(k => k.InputFieldState = InputFieldState.Hidden),
        ["FavoritesMetadata"] = () => Valid.WithKeyboard(k => k.FavoritesMetadata = JsonDocument.Parse("{}").RootElement),
        ["InternalBrowser"] = () => Valid.WithButton(b => b.InternalBrowser = new InternalBrowser { Mode = InternalBrowserMode.PartialSize }),
        ["TextPaddings"] = () => Valid.WithButton(b => b.TextPaddings = [1, 2, 3, 4]),
        ["<s>"] = () => Valid.WithButton(b => b.Text = "<S>old</S> new"),
        ["<font size>"] = () => Valid.WithButton(b => b.Text = "<font color=\"#000000\" SIZE=20>big</font>"),
        ["BgMediaScaleType"] = () => Valid.WithButton(b => b.BackgroundMediaScaleType = MediaScaleType.Fill),
        ["ImageScaleType"] = () => Valid.WithButton(b => b.ImageScaleType = MediaScaleType.Fit),
        ["TextShouldFit"] = () => Valid.WithButton(b => b.TextShouldFit = false),
        ["Map"] = () => Valid.WithButton(b => b.Map = new ButtonMap { Latitude = 1, Longitude = 2 }),
        ["Frame"] = () => Valid.WithButton(b => b.Frame = new ButtonFrame()),
        ["MediaPlayer"] = () => Valid.WithButton(b => b.MediaPlayer = new MediaPlayer { Title = "t" }),
        ["ActionReplyData"] = () => Valid.WithButton(b => b.InternalBrowser = new InternalBrowser { ActionReplyData = "d" }),
        ["send-to-bot"] = () => Valid.WithButton(b => b.InternalBrowser = new InternalBrowser { ActionButton = InternalBrowserActionButton.SendToBot }),
        ["rich media"] = () => Valid.RichMedia(r => (r.ButtonsGroupColumns, r.ButtonsGroupRows) = (6, 7)),
        ["rich_media.HeightScale"] = () => Valid.RichMedia(r => r.HeightScale = 60),
        ["rich_media.FavoritesMetadata"] = () => Valid.RichMedia(r => r.FavoritesMetadata = JsonDocument.Parse("{\"type\":\"link\"}").RootElement),
        ["rich media button Frame"] = () => Valid.WithRichButton(b => b.Frame = new ButtonFrame { BorderWidth = 2 }),
        ["keyboard on rich media"] = () => Valid.With(Valid.RichMedia(), m => m.Keyboard = new Keyboard { Buttons = [Valid.Button()], InputFieldState = InputFieldState.Regular }),
    };

    [Theory]
    [InlineData("nothing", 1, null)]
    [InlineData("plain keyboard", 1, null)]
    [InlineData("CustomDefaultHeight", 3, "keyboard.CustomDefaultHeight")]
    [InlineData("HeightScale", 3, "keyboard.HeightScale")]
    [InlineData("ButtonsGroupColumns", 4, "keyboard.ButtonsGroupColumns")]
    [InlineData("ButtonsGroupRows", 4, "keyboard.ButtonsGroupRows")]
    [InlineData("InputFieldState", 4, "keyboard.InputFieldState")]
    [InlineData("FavoritesMetadata", 6, "keyboard.FavoritesMetadata")]
    [InlineData("InternalBrowser", 3, B + ".InternalBrowser")]
    [InlineData("TextPaddings", 4, B + ".TextPaddings")]
    [InlineData("<s>", 4, B + ".Text")]
    [InlineData("<font size>", 4, B + ".Text")]
    [InlineData("BgMediaScaleType", 6, B + ".BgMediaScaleType")]
    [InlineData("ImageScaleType", 6, B + ".ImageScaleType")]
    [InlineData("TextShouldFit", 6, B + ".TextShouldFit")]
    [InlineData("Map", 6, B + ".Map")]
    [InlineData("Frame", 6, B + ".Frame")]
    [InlineData("MediaPlayer", 6, B + ".MediaPlayer")]
    [InlineData("ActionReplyData", 6, B + ".InternalBrowser.ActionReplyData")]
    [InlineData("send-to-bot", 6, B + ".InternalBrowser.ActionButton")]
    [InlineData("rich media", 2, null)]
    [InlineData("rich_media.HeightScale", 3, "rich_media.HeightScale")]
    [InlineData("rich_media.FavoritesMetadata", 6, "rich_media.FavoritesMetadata")]
    [InlineData("rich media button Frame", 6, "rich_media.Buttons[0].Frame")]
    [InlineData("keyboard on rich media", 4, "keyboard.InputFieldState")]
    public void Feature_needs_its_documented_api_version(string feature, int version, string? enforcedFeature)
    {
        var message = Features[feature]();

        Assert.Equal(version, MinApiVersion.Required(message));

        // Set one below: refused, naming the feature and the version, when the requirement is enforced.
        if (version > 1)
        {
            message.MinApiVersion = version - 1;
            if (enforcedFeature is null)
            {
                Expect.Valid(message);
            }
            else
            {
                var exception = Expect.Invalid(message, "min_api_version");
                Assert.Contains($"at least {version} because {enforcedFeature}", exception.Rule, StringComparison.Ordinal);
                Assert.Contains($"was {version - 1}", exception.Rule, StringComparison.Ordinal);
            }
        }

        // WithRequiredMinApiVersion raises it to exactly the requirement, and the result validates.
        message.MinApiVersion = null;
        var raised = message.WithRequiredMinApiVersion();
        Assert.Same(message, raised);
        Assert.Equal(version == 1 ? null : version, raised.MinApiVersion);
        Expect.Valid(raised);
    }

    [Fact]
    public void Highest_feature_wins_and_is_named()
    {
        var message = Valid.WithButton(b => (b.InternalBrowser, b.Frame, b.TextPaddings) = (new InternalBrowser(), new ButtonFrame(), [0, 0, 0, 0]));
        message.MinApiVersion = 4;

        Assert.Equal(6, MinApiVersion.Required(message));
        var exception = Expect.Invalid(message, "min_api_version");
        Assert.Contains(B + ".Frame needs API version 6", exception.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Higher_version_already_set_is_kept()
    {
        var message = Valid.WithKeyboard(k => k.HeightScale = 50);
        message.MinApiVersion = 7;

        Assert.Equal(7, message.WithRequiredMinApiVersion().MinApiVersion);
        Expect.Valid(message);
    }

    [Fact]
    public void Explicit_default_stays_when_nothing_needs_more()
    {
        var message = Valid.Text();
        message.MinApiVersion = 1;

        Assert.Equal(1, message.WithRequiredMinApiVersion().MinApiVersion);
    }

    [Fact]
    public void Unset_version_is_not_enforced()
    {
        // Unset means Viber's default; only an explicit value that is too low is refused (callers opt in).
        var message = Valid.WithButton(b => b.Frame = new ButtonFrame());

        Expect.Valid(message);
    }

    [Fact]
    public void Null_message_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => MinApiVersion.Required(null!));
        Assert.Throws<ArgumentNullException>(() => ((TextMessage)null!).WithRequiredMinApiVersion());
    }
}
