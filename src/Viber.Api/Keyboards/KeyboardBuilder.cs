using Viber.Api.Validation;

namespace Viber.Api.Keyboards;

/// <summary>
/// Builds a <see cref="Keyboard"/> fluently. Buttons are laid out in the order they are added on a grid of
/// 6 columns; <see cref="Build"/> validates the result against Viber's documented limits.
/// </summary>
/// <example>
/// <code>
/// var keyboard = new KeyboardBuilder()
///     .AddRow("Yes", "No")
///     .AddUrlButton("Open site", "https://example.com")
///     .Build();
/// </code>
/// </example>
public sealed class KeyboardBuilder
{
    private readonly List<Button> _buttons = [];
    private string? _backgroundColor;
    private bool? _defaultHeight;
    private InputFieldState? _inputFieldState;

    /// <summary>Adds a button as it is.</summary>
    /// <param name="button">The button.</param>
    /// <returns>This builder.</returns>
    public KeyboardBuilder AddButton(Button button)
    {
        ArgumentNullException.ThrowIfNull(button);
        _buttons.Add(button);
        return this;
    }

    /// <summary>Adds a reply button: a tap sends <paramref name="actionBody"/> to the bot.</summary>
    /// <param name="text">The button's text.</param>
    /// <param name="actionBody">The text sent back to the bot.</param>
    /// <param name="columns">The column span, 1–6.</param>
    /// <param name="rows">The row span, 1–2.</param>
    /// <returns>This builder.</returns>
    public KeyboardBuilder AddButton(string text, string actionBody, int columns = 6, int rows = 1)
        => AddButton(BuilderButtons.Reply(text, actionBody, columns, rows));

    /// <summary>Adds a button that opens a URL.</summary>
    /// <param name="text">The button's text.</param>
    /// <param name="url">The URL to open.</param>
    /// <param name="columns">The column span, 1–6.</param>
    /// <param name="rows">The row span, 1–2.</param>
    /// <returns>This builder.</returns>
    public KeyboardBuilder AddUrlButton(string text, string url, int columns = 6, int rows = 1)
        => AddButton(BuilderButtons.OpenUrl(text, url, columns, rows));

    /// <summary>
    /// Adds one full row of reply buttons whose text is also what they send back, sharing the 6 columns as evenly
    /// as possible (the first buttons get the spare columns: four buttons take 2, 2, 1 and 1).
    /// </summary>
    /// <param name="replies">1 to 6 replies.</param>
    /// <returns>This builder.</returns>
    public KeyboardBuilder AddRow(params string[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentOutOfRangeException.ThrowIfZero(replies.Length, nameof(replies));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replies.Length, 6, nameof(replies));
        for (var i = 0; i < replies.Length; i++)
        {
            var columns = (6 / replies.Length) + (i < 6 % replies.Length ? 1 : 0);
            AddButton(BuilderButtons.Reply(replies[i], replies[i], columns, 1));
        }

        return this;
    }

    /// <summary>Sets the keyboard's background colour.</summary>
    /// <param name="color">A colour as <c>#RRGGBB</c>.</param>
    /// <returns>This builder.</returns>
    public KeyboardBuilder WithBackgroundColor(string color)
    {
        _backgroundColor = color;
        return this;
    }

    /// <summary>Sets whether the keyboard has the native keyboard's height.</summary>
    /// <param name="defaultHeight"><see langword="true"/> for the native height, <see langword="false"/> for the smallest height.</param>
    /// <returns>This builder.</returns>
    public KeyboardBuilder WithDefaultHeight(bool defaultHeight = true)
    {
        _defaultHeight = defaultHeight;
        return this;
    }

    /// <summary>Sets how the text input field is shown (needs API version 4; see <see cref="MinApiVersion"/>).</summary>
    /// <param name="state">The state.</param>
    /// <returns>This builder.</returns>
    public KeyboardBuilder WithInputFieldState(InputFieldState state)
    {
        _inputFieldState = state;
        return this;
    }

    /// <summary>Creates the keyboard; each call returns a new keyboard with its own button list.</summary>
    /// <returns>The keyboard.</returns>
    /// <exception cref="ViberValidationException">The keyboard breaks a documented limit, such as having no buttons.</exception>
    public Keyboard Build()
    {
        var keyboard = new Keyboard
        {
            Buttons = [.. _buttons],
            BackgroundColor = _backgroundColor,
            DefaultHeight = _defaultHeight,
            InputFieldState = _inputFieldState,
        };
        KeyboardRules.Validate(keyboard, "keyboard");
        return keyboard;
    }
}
