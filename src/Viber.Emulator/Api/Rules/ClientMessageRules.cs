using Viber.Api.Keyboards;
using Viber.Api.Messages;

namespace Viber.Emulator.Api.Rules;

/// <summary>
/// The checks a Viber client makes when a message arrives. Viber's server accepts such a message (status 0); the
/// client then rejects it and the bot gets a <c>failed</c> callback. Viber documents that most keyboard and
/// rich media validation happens here.
/// </summary>
internal static class ClientMessageRules
{
    /// <summary>Finds the first client-side rule the message breaks.</summary>
    /// <returns>The failure description for the <c>failed</c> callback's <c>desc</c>, or <see langword="null"/>.</returns>
    public static string? FindViolation(ViberMessage message)
    {
        var violation = message.Keyboard is { } keyboard ? CheckKeyboard(keyboard) : null;
        if (violation is null && message is RichMediaMessage { RichMedia: { } richMedia })
        {
            violation = CheckRichMedia(richMedia);
        }

        return violation is null ? null : "message validation failed: " + violation;
    }

    private static string? CheckKeyboard(Keyboard keyboard)
    {
        if (keyboard.ButtonsGroupColumns is < 1 or > 6)
        {
            return "keyboard.ButtonsGroupColumns must be between 1 and 6";
        }

        if (keyboard.ButtonsGroupRows is < 1 or > 2)
        {
            return "keyboard.ButtonsGroupRows must be between 1 and 2";
        }

        if (keyboard.CustomDefaultHeight is < 40 or > 70)
        {
            return "keyboard.CustomDefaultHeight must be between 40 and 70";
        }

        if (keyboard.HeightScale is < 20 or > 100)
        {
            return "keyboard.HeightScale must be between 20 and 100";
        }

        return CheckButtons("keyboard", keyboard.Buttons, maxColumns: 6, maxRows: 2, isRichMedia: false);
    }

    private static string? CheckRichMedia(RichMedia richMedia)
        => CheckButtons("rich_media", richMedia.Buttons, richMedia.ButtonsGroupColumns ?? 6, richMedia.ButtonsGroupRows ?? 7, isRichMedia: true);

    private static string? CheckButtons(string owner, IList<Button> buttons, int maxColumns, int maxRows, bool isRichMedia)
    {
        for (var i = 0; i < buttons.Count; i++)
        {
            var button = buttons[i];
            var path = $"{owner}.Buttons[{i}]";
            if (button.Columns is { } columns && (columns < 1 || columns > maxColumns))
            {
                return $"{path}.Columns must be between 1 and {maxColumns}";
            }

            if (button.Rows is { } rows && (rows < 1 || rows > maxRows))
            {
                return $"{path}.Rows must be between 1 and {maxRows}";
            }

            if (string.IsNullOrEmpty(button.ActionBody))
            {
                return $"{path}.ActionBody is required";
            }

            if (isRichMedia && (button.ActionType == ButtonActionType.LocationPicker || button.ActionType == ButtonActionType.SharePhone))
            {
                return $"{path}.ActionType {button.ActionType} is not supported in rich media";
            }

            if (!isRichMedia && button.Text is null && button.Image is null && button.BackgroundMedia is null && button.BackgroundColor is null)
            {
                return $"{path} must have at least one of Text, Image, BgMedia or BgColor";
            }

            if (button.TextOpacity is < 0 or > 100)
            {
                return $"{path}.TextOpacity must be between 0 and 100";
            }
        }

        return null;
    }
}
