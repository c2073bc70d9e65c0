using Viber.Api.Validation;

namespace Viber.Api.Keyboards;

/// <summary>
/// Builds <see cref="RichMedia"/> (carousel) content fluently. Each block is
/// <c>columns</c> × <c>rows</c>; buttons fill blocks in the order they are added, full block width by default.
/// <see cref="Build"/> validates the result against Viber's documented limits.
/// </summary>
/// <example>
/// <code>
/// var content = new RichMediaBuilder(columns: 6, rows: 5)
///     .AddImage("https://example.com/a.png", "https://example.com/a", rows: 3)
///     .AddUrlButton("Details", "https://example.com/a", rows: 1)
///     .AddReplyButton("Buy", "buy:a", rows: 1)
///     .Build();
/// </code>
/// </example>
public sealed class RichMediaBuilder
{
    private readonly List<Button> _buttons = [];
    private readonly int _columns;
    private readonly int _rows;
    private string? _backgroundColor;

    /// <summary>Initializes a new instance of the <see cref="RichMediaBuilder"/> class.</summary>
    /// <param name="columns">ButtonsGroupColumns: columns per block, 1–6.</param>
    /// <param name="rows">ButtonsGroupRows: rows per block, 1–7.</param>
    public RichMediaBuilder(int columns = 6, int rows = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, 6);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, 7);
        _columns = columns;
        _rows = rows;
    }

    /// <summary>Adds a button as it is.</summary>
    /// <param name="button">The button.</param>
    /// <returns>This builder.</returns>
    public RichMediaBuilder AddButton(Button button)
    {
        ArgumentNullException.ThrowIfNull(button);
        _buttons.Add(button);
        return this;
    }

    /// <summary>Adds an image, block-wide, that opens a URL when tapped.</summary>
    /// <param name="imageUrl">The image URL (JPEG or PNG).</param>
    /// <param name="url">The URL the tap opens.</param>
    /// <param name="rows">The row span, 1..rows per block.</param>
    /// <returns>This builder.</returns>
    public RichMediaBuilder AddImage(string imageUrl, string url, int rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(imageUrl);
        return AddButton(BuilderButtons.OpenUrl(null, url, _columns, rows, imageUrl));
    }

    /// <summary>Adds a block-wide text button that opens a URL.</summary>
    /// <param name="text">The text.</param>
    /// <param name="url">The URL the tap opens.</param>
    /// <param name="rows">The row span, 1..rows per block.</param>
    /// <returns>This builder.</returns>
    public RichMediaBuilder AddUrlButton(string text, string url, int rows = 1)
        => AddButton(BuilderButtons.OpenUrl(text, url, _columns, rows));

    /// <summary>Adds a block-wide reply button: a tap sends <paramref name="actionBody"/> to the bot.</summary>
    /// <param name="text">The text.</param>
    /// <param name="actionBody">The text sent back to the bot.</param>
    /// <param name="rows">The row span, 1..rows per block.</param>
    /// <returns>This builder.</returns>
    public RichMediaBuilder AddReplyButton(string text, string actionBody, int rows = 1)
        => AddButton(BuilderButtons.Reply(text, actionBody, _columns, rows));

    /// <summary>Sets the background colour.</summary>
    /// <param name="color">A colour as <c>#RRGGBB</c>.</param>
    /// <returns>This builder.</returns>
    public RichMediaBuilder WithBackgroundColor(string color)
    {
        _backgroundColor = color;
        return this;
    }

    /// <summary>Creates the content; each call returns new content with its own button list.</summary>
    /// <returns>The rich media content, to put in a <see cref="Messages.RichMediaMessage"/>.</returns>
    /// <exception cref="ViberValidationException">The content breaks a documented limit, such as having no buttons.</exception>
    public RichMedia Build()
    {
        var richMedia = new RichMedia
        {
            ButtonsGroupColumns = _columns,
            ButtonsGroupRows = _rows,
            BackgroundColor = _backgroundColor,
            Buttons = [.. _buttons],
        };
        RichMediaRules.Validate(richMedia, "rich_media");
        return richMedia;
    }
}
