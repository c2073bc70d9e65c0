using System.Text.Json;
using System.Text.RegularExpressions;
using Viber.Api.Keyboards;
using Viber.Api.Messages;

namespace Viber.Api.Validation;

/// <summary>
/// Finds the highest API version a message's features need. The versions are the API levels Viber's keyboard
/// documentation gives each parameter ("General keyboard parameters" and "Buttons parameters"), which also says that
/// a message using level-N parameters must carry min_api_version ≥ N. A feature counts when it is set (it is then on
/// the wire), whatever its value.
/// </summary>
internal static partial class MinApiFeatures
{
    /// <summary>
    /// Rich media needs Viber 6.7; the node SDK sends it with min_api_version 2 (lib/message/rich-media-message.js).
    /// It is a recommendation, not an enforced minimum: the current docs' own example (fixture) sends rich media with
    /// min_api_version 1, and alt_text exists precisely so older clients get a fallback.
    /// </summary>
    public const int RecommendedRichMediaVersion = 2;

    /// <summary>Finds the highest requirement of the message's features.</summary>
    /// <param name="message">The message.</param>
    /// <param name="includeRecommended">Whether to count recommendations that the validator does not enforce (rich media → 2).</param>
    /// <returns>The highest requirement; <see cref="MinApiRequirement.Default"/> when nothing needs more than 1.</returns>
    public static MinApiRequirement Highest(ViberMessage message, bool includeRecommended)
    {
        var highest = MinApiRequirement.Default;
        if (message.Keyboard is { } keyboard)
        {
            highest = Keyboard(keyboard, "keyboard", highest);
        }

        if (message is RichMediaMessage { RichMedia: var richMedia })
        {
            if (includeRecommended)
            {
                highest = highest.Max(RecommendedRichMediaVersion, "rich_media (recommended for rich media messages)");
            }

            if (richMedia is not null)
            {
                highest = RichMedia(richMedia, "rich_media", highest);
            }
        }

        return highest;
    }

    private static MinApiRequirement Keyboard(Keyboard keyboard, string path, MinApiRequirement highest)
    {
        highest = Use(highest, keyboard.CustomDefaultHeight.HasValue, 3, path + ".CustomDefaultHeight");
        highest = Use(highest, keyboard.HeightScale.HasValue, 3, path + ".HeightScale");
        highest = Use(highest, keyboard.ButtonsGroupColumns.HasValue, 4, path + ".ButtonsGroupColumns");
        highest = Use(highest, keyboard.ButtonsGroupRows.HasValue, 4, path + ".ButtonsGroupRows");
        highest = Use(highest, keyboard.InputFieldState.HasValue, 4, path + ".InputFieldState");
        highest = Use(highest, IsSet(keyboard.FavoritesMetadata), 6, path + ".FavoritesMetadata");
        return Buttons(keyboard.Buttons, path, highest);
    }

    private static MinApiRequirement RichMedia(RichMedia richMedia, string path, MinApiRequirement highest)
    {
        // ButtonsGroupColumns/Rows are rich media's own layout (API 1 there); only the keyboard's are level 4.
        highest = Use(highest, richMedia.HeightScale.HasValue, 3, path + ".HeightScale");
        highest = Use(highest, IsSet(richMedia.FavoritesMetadata), 6, path + ".FavoritesMetadata");
        return Buttons(richMedia.Buttons, path, highest);
    }

    private static MinApiRequirement Buttons(IList<Button>? buttons, string path, MinApiRequirement highest)
    {
        for (var i = 0; buttons is not null && i < buttons.Count; i++)
        {
            if (buttons[i] is { } button)
            {
                highest = Button(button, $"{path}.Buttons[{i}]", highest);
            }
        }

        return highest;
    }

    private static MinApiRequirement Button(Button button, string path, MinApiRequirement highest)
    {
        highest = Use(highest, button.InternalBrowser is not null, 3, path + ".InternalBrowser");
        highest = Use(highest, button.TextPaddings is not null, 4, path + ".TextPaddings");
        highest = Use(highest, button.Text is not null && Level4Markup().IsMatch(button.Text), 4, path + ".Text (<s> or <font size>)");
        highest = Use(highest, button.BackgroundMediaScaleType.HasValue, 6, path + ".BgMediaScaleType");
        highest = Use(highest, button.ImageScaleType.HasValue, 6, path + ".ImageScaleType");
        highest = Use(highest, button.TextShouldFit.HasValue, 6, path + ".TextShouldFit");
        highest = Use(highest, button.Map is not null, 6, path + ".Map");
        highest = Use(highest, button.Frame is not null, 6, path + ".Frame");
        highest = Use(highest, button.MediaPlayer is not null, 6, path + ".MediaPlayer");
        highest = Use(highest, button.InternalBrowser?.ActionReplyData is not null, 6, path + ".InternalBrowser.ActionReplyData");
        return Use(highest, button.InternalBrowser?.ActionButton == InternalBrowserActionButton.SendToBot, 6, path + ".InternalBrowser.ActionButton (send-to-bot)");
    }

    private static MinApiRequirement Use(MinApiRequirement highest, bool used, int version, string feature)
        => used ? highest.Max(version, feature) : highest;

    private static bool IsSet(JsonElement? element) => element is { ValueKind: not JsonValueKind.Undefined };

    /// <summary>Button text markup of level 4 (Viber keyboard documentation, "Buttons parameters", Text): <c>&lt;s&gt;</c> and <c>&lt;font size=…&gt;</c>.</summary>
    [GeneratedRegex(@"<s>|<font\b[^>]*\bsize\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Level4Markup();
}
