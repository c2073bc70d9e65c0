using Viber.Api.Keyboards;

namespace Viber.Api.Validation;

/// <summary>The rules of a keyboard or rich media button (Viber keyboard documentation, "Buttons parameters"; REST Bot API documentation, "Button element").</summary>
internal static class ButtonRules
{
    /// <summary>Longer button text is cropped with "…" by the client, so it is refused here.</summary>
    public const int MaxTextLength = 250;

    /// <summary>Validates one button.</summary>
    /// <param name="button">The button.</param>
    /// <param name="path">Its JSON path, such as <c>keyboard.Buttons[2]</c>.</param>
    /// <param name="maxColumns">The largest column span allowed where the button sits.</param>
    /// <param name="maxRows">The largest row span allowed where the button sits.</param>
    /// <param name="inRichMedia">Whether the button is in a rich media message.</param>
    public static void Validate(Button? button, string path, int maxColumns, int maxRows, bool inRichMedia)
    {
        Check.Present(button, path);
        Check.Range(button.Columns, 1, maxColumns, path + ".Columns");
        Check.Range(button.Rows, 1, maxRows, path + ".Rows");
        ValidateAction(button, path, inRichMedia);
        ValidateContent(button, path);
        ValidateText(button, path);
        ButtonPartRules.ValidateMedia(button, path);
        ButtonPartRules.ValidateFrame(button.Frame, path + ".Frame");
        ButtonPartRules.ValidateInternalBrowser(button.InternalBrowser, path + ".InternalBrowser");
        ButtonPartRules.ValidateMap(button.Map, path + ".Map");
    }

    private static void ValidateAction(Button button, string path, bool inRichMedia)
    {
        var actionType = path + ".ActionType";
        Check.OneOf(button.ActionType, actionType, DocumentedValues.ActionTypes);
        if (inRichMedia && (button.ActionType == ButtonActionType.LocationPicker || button.ActionType == ButtonActionType.SharePhone))
        {
            // Viber REST Bot API documentation, Rich Media notes: "location-picker and share-phone are not supported".
            throw new ViberValidationException(actionType, $"must not be {button.ActionType.Value.Value} in rich media (location-picker and share-phone are keyboard-only)");
        }

        // Required for every action; share-phone and location-picker are documented to need it too.
        Check.Required(button.ActionBody, path + ".ActionBody");
        Check.OneOf(button.OpenUrlType, path + ".OpenURLType", DocumentedValues.OpenUrlTypes);
        Check.OneOf(button.OpenUrlMediaType, path + ".OpenURLMediaType", DocumentedValues.OpenUrlMediaTypes);
    }

    private static void ValidateContent(Button button, string path)
    {
        // Viber keyboard documentation (Keyboards): "each button must contain at least one of: Text, BgMedia, Image, BgColor".
        if (string.IsNullOrEmpty(button.Text) && string.IsNullOrEmpty(button.BackgroundMedia)
            && string.IsNullOrEmpty(button.Image) && string.IsNullOrEmpty(button.BackgroundColor))
        {
            throw new ViberValidationException(path, "must have at least one of Text, BgMedia, Image or BgColor");
        }

        Check.HexColor(button.BackgroundColor, path + ".BgColor");
    }

    private static void ValidateText(Button button, string path)
    {
        Check.MaxLength(button.Text, MaxTextLength, path + ".Text");
        Check.Range(button.TextOpacity, 0, 100, path + ".TextOpacity");
        Check.OneOf(button.TextSize, path + ".TextSize", DocumentedValues.TextSizes);
        Check.OneOf(button.TextVerticalAlign, path + ".TextVAlign", DocumentedValues.TextVerticalAligns);
        Check.OneOf(button.TextHorizontalAlign, path + ".TextHAlign", DocumentedValues.TextHorizontalAligns);
        Check.HexColor(button.TextBackgroundGradientColor, path + ".TextBgGradientColor");
        if (button.TextPaddings is { } paddings)
        {
            if (paddings.Count != 4)
            {
                throw new ViberValidationException(path + ".TextPaddings", Check.Invariant($"must have exactly 4 values each 0–12, had {paddings.Count}"));
            }

            for (var i = 0; i < paddings.Count; i++)
            {
                Check.Range(paddings[i], 0, 12, Check.Invariant($"{path}.TextPaddings[{i}]"));
            }
        }
    }
}
