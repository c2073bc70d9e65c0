using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Validation;

namespace Viber.Api.Tests.Validation;

public sealed class ButtonRuleTests
{
    private const string Path = "keyboard.Buttons[0]";

    private static readonly Dictionary<string, Func<int, ViberMessage>> Limits = new()
    {
        ["Text"] = n => Valid.WithButton(b => b.Text = Expect.Chars(n)),
        ["TextOpacity"] = n => Valid.WithButton(b => b.TextOpacity = n),
        ["TextPaddings count"] = n => Valid.WithButton(b => b.TextPaddings = [.. Enumerable.Repeat(0, n)]),
        ["TextPaddings value"] = n => Valid.WithButton(b => b.TextPaddings = [12, 0, n, 0]),
        ["BorderWidth"] = n => Valid.WithButton(b => b.Frame = new ButtonFrame { BorderWidth = n }),
        ["CornerRadius"] = n => Valid.WithButton(b => b.Frame = new ButtonFrame { CornerRadius = n }),
        ["CustomTitle"] = n => Valid.WithButton(b => b.InternalBrowser = new InternalBrowser { CustomTitle = Expect.Chars(n) }),
        ["ActionPredefinedURL"] = n => Valid.WithButton(b => b.InternalBrowser = new InternalBrowser { ActionPredefinedUrl = Expect.Chars(n) }),
        ["ActionBody"] = n => Valid.WithButton(b => b.ActionBody = Expect.Chars(n)),
    };

    private static readonly Dictionary<string, Func<double, ViberMessage>> Coordinates = new()
    {
        ["Latitude"] = v => Valid.WithButton(b => b.Map = new ButtonMap { Latitude = v, Longitude = 0 }),
        ["Longitude"] = v => Valid.WithButton(b => b.Map = new ButtonMap { Latitude = 0, Longitude = v }),
    };

    private static readonly Dictionary<string, Action<Button, string>> EnumSetters = new()
    {
        ["ActionType"] = (b, v) => b.ActionType = new ButtonActionType(v),
        ["TextSize"] = (b, v) => b.TextSize = new TextSize(v),
        ["TextVAlign"] = (b, v) => b.TextVerticalAlign = new TextVerticalAlign(v),
        ["TextHAlign"] = (b, v) => b.TextHorizontalAlign = new TextHorizontalAlign(v),
        ["OpenURLType"] = (b, v) => b.OpenUrlType = new OpenUrlType(v),
        ["OpenURLMediaType"] = (b, v) => b.OpenUrlMediaType = new OpenUrlMediaType(v),
        ["BgMediaType"] = (b, v) => b.BackgroundMediaType = new BackgroundMediaType(v),
        ["BgMediaScaleType"] = (b, v) => b.BackgroundMediaScaleType = new MediaScaleType(v),
        ["ImageScaleType"] = (b, v) => b.ImageScaleType = new MediaScaleType(v),
        ["InternalBrowser.ActionButton"] = (b, v) => b.InternalBrowser = new InternalBrowser { ActionButton = new InternalBrowserActionButton(v) },
        ["InternalBrowser.TitleType"] = (b, v) => b.InternalBrowser = new InternalBrowser { TitleType = new InternalBrowserTitleType(v) },
        ["InternalBrowser.Mode"] = (b, v) => b.InternalBrowser = new InternalBrowser { Mode = new InternalBrowserMode(v) },
        ["InternalBrowser.FooterType"] = (b, v) => b.InternalBrowser = new InternalBrowser { FooterType = new InternalBrowserFooterType(v) },
    };

    private static readonly Dictionary<string, Action<Button, string>> ColorSetters = new()
    {
        ["BgColor"] = (b, v) => b.BackgroundColor = v,
        ["TextBgGradientColor"] = (b, v) => b.TextBackgroundGradientColor = v,
        ["Frame.BorderColor"] = (b, v) => b.Frame = new ButtonFrame { BorderColor = v },
    };

    [Theory]
    [InlineData("Text", 250, 251, Path + ".Text", "250")]
    [InlineData("TextOpacity", 0, -1, Path + ".TextOpacity", "between 0 and 100")]
    [InlineData("TextOpacity", 100, 101, Path + ".TextOpacity", "between 0 and 100")]
    [InlineData("TextPaddings count", 4, 5, Path + ".TextPaddings", "exactly 4")]
    [InlineData("TextPaddings count", 4, 3, Path + ".TextPaddings", "exactly 4")]
    [InlineData("TextPaddings value", 0, -1, Path + ".TextPaddings[2]", "between 0 and 12")]
    [InlineData("TextPaddings value", 12, 13, Path + ".TextPaddings[2]", "between 0 and 12")]
    [InlineData("BorderWidth", 0, -1, Path + ".Frame.BorderWidth", "between 0 and 10")]
    [InlineData("BorderWidth", 10, 11, Path + ".Frame.BorderWidth", "between 0 and 10")]
    [InlineData("CornerRadius", 0, -1, Path + ".Frame.CornerRadius", "between 0 and 10")]
    [InlineData("CornerRadius", 10, 11, Path + ".Frame.CornerRadius", "between 0 and 10")]
    [InlineData("CustomTitle", 15, 16, Path + ".InternalBrowser.CustomTitle", "15")]
    [InlineData("ActionPredefinedURL", 1, 0, Path + ".InternalBrowser.ActionPredefinedURL", "at least 1")]
    [InlineData("ActionBody", 1, 0, Path + ".ActionBody", "required")]
    public void Limit_passes_at_the_limit_and_throws_past_it(string rule, int atLimit, int pastLimit, string field, string limit)
        => Expect.Limit(Limits[rule], atLimit, pastLimit, field, limit);

    [Theory]
    [InlineData("Latitude", 90, 90.5, Path + ".Map.Latitude", "90")]
    [InlineData("Latitude", -90, -90.5, Path + ".Map.Latitude", "-90")]
    [InlineData("Latitude", 0, double.NaN, Path + ".Map.Latitude", "90")]
    [InlineData("Longitude", 180, 180.5, Path + ".Map.Longitude", "180")]
    [InlineData("Longitude", -180, -180.5, Path + ".Map.Longitude", "-180")]
    public void Map_coordinate_passes_at_the_limit_and_throws_past_it(string rule, double atLimit, double pastLimit, string field, string limit)
        => Expect.Limit(Coordinates[rule], atLimit, pastLimit, field, limit);

    [Theory]
    [InlineData("ActionType", "share-phone", "call", "reply, open-url, location-picker, share-phone, none, buy")]
    [InlineData("TextSize", "large", "medium", "small, regular, large")]
    [InlineData("TextVAlign", "bottom", "center", "top, middle, bottom")]
    [InlineData("TextHAlign", "right", "middle", "left, center, right")]
    [InlineData("OpenURLType", "external", "popup", "internal, external")]
    [InlineData("OpenURLMediaType", "audio", "pdf", "not-media, video, gif, picture, audio")]
    [InlineData("BgMediaType", "gif", "video", "picture, gif")]
    [InlineData("BgMediaScaleType", "fit", "stretch", "crop, fill, fit")]
    [InlineData("ImageScaleType", "crop", "tile", "crop, fill, fit")]
    [InlineData("InternalBrowser.ActionButton", "send-to-bot", "share", "forward, send, open-externally, send-to-bot, none")]
    [InlineData("InternalBrowser.TitleType", "domain", "url", "domain, default")]
    [InlineData("InternalBrowser.Mode", "partial-size", "half", "fullscreen, fullscreen-portrait, fullscreen-landscape, partial-size")]
    [InlineData("InternalBrowser.FooterType", "hidden", "none", "default, hidden")]
    public void Enum_accepts_a_documented_value_and_rejects_others_on_output(string property, string documented, string undocumented, string allowed)
    {
        Expect.Valid(Valid.WithButton(b => EnumSetters[property](b, documented)).WithRequiredMinApiVersion());

        var exception = Expect.Invalid(Valid.WithButton(b => EnumSetters[property](b, undocumented)), Path + "." + property);

        Assert.Contains(allowed, exception.Rule, StringComparison.Ordinal);
        Assert.Contains($"'{undocumented}'", exception.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BgColor", "#2db9b9", "#2db9b")]
    [InlineData("BgColor", "#FFFFFF", "FFFFFF")]
    [InlineData("TextBgGradientColor", "#000000", "#00000G")]
    [InlineData("Frame.BorderColor", "#A1b2C3", "#A1B2C3FF")]
    public void Colour_must_be_hex_RRGGBB(string property, string good, string bad)
    {
        Expect.Valid(Valid.WithButton(b => ColorSetters[property](b, good)));

        var exception = Expect.Invalid(Valid.WithButton(b => ColorSetters[property](b, bad)), Path + "." + property);

        Assert.Contains("#RRGGBB", exception.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Text")]
    [InlineData("BgMedia")]
    [InlineData("Image")]
    [InlineData("BgColor")]
    public void Button_needs_one_of_Text_BgMedia_Image_or_BgColor(string present)
    {
        static void Clear(Button b) => (b.Text, b.BackgroundMedia, b.Image, b.BackgroundColor) = (null, null, null, null);

        Expect.Valid(Valid.WithButton(b =>
        {
            Clear(b);
            switch (present)
            {
                case "Text": b.Text = "t"; break;
                case "BgMedia": b.BackgroundMedia = "https://example.com/bg.png"; break;
                case "Image": b.Image = "https://example.com/i.png"; break;
                default: b.BackgroundColor = "#FFFFFF"; break;
            }
        }));
        var exception = Expect.Invalid(Valid.WithButton(Clear), Path);

        Assert.Contains("Text, BgMedia, Image or BgColor", exception.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("share-phone")]
    [InlineData("location-picker")]
    public void Share_phone_and_location_picker_need_an_action_body(string actionType)
    {
        Expect.Valid(Valid.WithButton(b => b.ActionType = new ButtonActionType(actionType)));

        var exception = Expect.Invalid(Valid.WithButton(b => (b.ActionType, b.ActionBody) = (new ButtonActionType(actionType), "")), Path + ".ActionBody");

        Assert.Contains("required", exception.Rule, StringComparison.Ordinal);
    }
}
