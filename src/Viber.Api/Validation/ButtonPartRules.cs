using Viber.Api.Keyboards;

namespace Viber.Api.Validation;

/// <summary>The rules of a button's media and of its nested objects: Frame, InternalBrowser and Map (Viber keyboard documentation, "Buttons parameters").</summary>
internal static class ButtonPartRules
{
    /// <summary>Validates the background media and image scaling values.</summary>
    public static void ValidateMedia(Button button, string path)
    {
        Check.OneOf(button.BackgroundMediaType, path + ".BgMediaType", DocumentedValues.BackgroundMediaTypes);
        Check.OneOf(button.BackgroundMediaScaleType, path + ".BgMediaScaleType", DocumentedValues.ScaleTypes);
        Check.OneOf(button.ImageScaleType, path + ".ImageScaleType", DocumentedValues.ScaleTypes);
    }

    /// <summary>Validates a frame: width and radius 0–10, colour <c>#RRGGBB</c>.</summary>
    public static void ValidateFrame(ButtonFrame? frame, string path)
    {
        if (frame is null)
        {
            return;
        }

        Check.Range(frame.BorderWidth, 0, 10, path + ".BorderWidth");
        Check.Range(frame.CornerRadius, 0, 10, path + ".CornerRadius");
        Check.HexColor(frame.BorderColor, path + ".BorderColor");
    }

    /// <summary>Validates the internal browser: title ≤ 15 characters, predefined URL not empty, documented enums.</summary>
    public static void ValidateInternalBrowser(InternalBrowser? browser, string path)
    {
        if (browser is null)
        {
            return;
        }

        Check.MaxLength(browser.CustomTitle, 15, path + ".CustomTitle");
        if (browser.ActionPredefinedUrl is { Length: 0 })
        {
            throw new ViberValidationException(path + ".ActionPredefinedURL", "must have at least 1 character when set");
        }

        Check.OneOf(browser.ActionButton, path + ".ActionButton", DocumentedValues.BrowserActionButtons);
        Check.OneOf(browser.TitleType, path + ".TitleType", DocumentedValues.BrowserTitleTypes);
        Check.OneOf(browser.Mode, path + ".Mode", DocumentedValues.BrowserModes);
        Check.OneOf(browser.FooterType, path + ".FooterType", DocumentedValues.BrowserFooterTypes);
    }

    /// <summary>Validates a map location: latitude ±90, longitude ±180.</summary>
    public static void ValidateMap(ButtonMap? map, string path)
    {
        if (map is null)
        {
            return;
        }

        Check.Coordinate(map.Latitude, 90, path + ".Latitude");
        Check.Coordinate(map.Longitude, 180, path + ".Longitude");
    }
}
