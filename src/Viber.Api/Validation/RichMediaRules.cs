using Viber.Api.Keyboards;

namespace Viber.Api.Validation;

/// <summary>The rules of rich media (carousel) content (Viber REST Bot API documentation, "Rich Media message / Carousel content message").</summary>
internal static class RichMediaRules
{
    /// <summary>Viber's defaults when ButtonsGroupColumns / ButtonsGroupRows are unset.</summary>
    public const int DefaultGroupColumns = 6;

    /// <inheritdoc cref="DefaultGroupColumns"/>
    public const int DefaultGroupRows = 7;

    /// <summary>A carousel holds at most 6 blocks (cards).</summary>
    public const int MaxBlocks = 6;

    /// <summary>Validates rich media content.</summary>
    /// <param name="richMedia">The content.</param>
    /// <param name="path">Its JSON path, <c>rich_media</c>.</param>
    public static void Validate(RichMedia richMedia, string path)
    {
        if (richMedia.Type is not null && richMedia.Type != RichMedia.RichMediaType)
        {
            throw new ViberValidationException(path + ".Type", $"must be '{RichMedia.RichMediaType}' when set");
        }

        Check.Range(richMedia.ButtonsGroupColumns, 1, 6, path + ".ButtonsGroupColumns");
        Check.Range(richMedia.ButtonsGroupRows, 1, 7, path + ".ButtonsGroupRows");
        Check.HexColor(richMedia.BackgroundColor, path + ".BgColor");
        Check.Range(richMedia.HeightScale, 20, 100, path + ".HeightScale");

        var columns = richMedia.ButtonsGroupColumns ?? DefaultGroupColumns;
        var rows = richMedia.ButtonsGroupRows ?? DefaultGroupRows;
        var max = MaxBlocks * columns * rows;
        var buttons = richMedia.Buttons;
        if (buttons is null || buttons.Count == 0)
        {
            throw new ViberValidationException(path + ".Buttons", "must contain at least 1 button");
        }

        if (buttons.Count > max)
        {
            throw new ViberValidationException(
                path + ".Buttons",
                Check.Invariant($"must contain at most {max} buttons ({MaxBlocks} × ButtonsGroupColumns {columns} × ButtonsGroupRows {rows}), had {buttons.Count}"));
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            ButtonRules.Validate(buttons[i], Check.Invariant($"{path}.Buttons[{i}]"), columns, rows, inRichMedia: true);
        }
    }
}
