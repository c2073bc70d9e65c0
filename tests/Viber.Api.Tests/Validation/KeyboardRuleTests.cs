using Viber.Api.Keyboards;
using Viber.Api.Messages;

namespace Viber.Api.Tests.Validation;

public sealed class KeyboardRuleTests
{
    private static readonly Dictionary<string, Func<int, ViberMessage>> Limits = new()
    {
        ["CustomDefaultHeight"] = n => Valid.WithKeyboard(k => k.CustomDefaultHeight = n),
        ["HeightScale"] = n => Valid.WithKeyboard(k => k.HeightScale = n),
        ["ButtonsGroupColumns"] = n => Valid.WithKeyboard(k => k.ButtonsGroupColumns = n),
        ["ButtonsGroupRows"] = n => Valid.WithKeyboard(k => k.ButtonsGroupRows = n),
        ["Buttons count"] = n => Valid.WithKeyboard(k => k.Buttons = Valid.Buttons(n)),
        ["Columns"] = n => Valid.WithButton(b => b.Columns = n),
        ["Rows"] = n => Valid.WithButton(b => b.Rows = n),

        // n full-width buttons take n rows.
        ["rows of full-width buttons"] = n => Valid.WithKeyboard(k => k.Buttons = Valid.Buttons(n)),

        // n pairs of (3 columns × 2 rows): two per row band, so 2 × ceil(n / 2) rows.
        ["rows of tall buttons"] = n => Valid.WithKeyboard(k => k.Buttons = Valid.Buttons(n, b => (b.Columns, b.Rows) = (3, 2))),

        // Six 1-column buttons per row; n rows of them.
        ["rows of narrow buttons"] = n => Valid.WithKeyboard(k => k.Buttons = Valid.Buttons(6 * n, b => b.Columns = 1)),
    };

    private static readonly Dictionary<string, (Func<ViberMessage> Good, Func<ViberMessage> Bad)> Rules = new()
    {
        ["Type"] = (() => Valid.WithKeyboard(_ => { }), () => Valid.WithKeyboard(k => k.Type = null)),
        ["Type value"] = (() => Valid.WithKeyboard(_ => { }), () => Valid.WithKeyboard(k => k.Type = "rich_media")),
        ["BgColor"] = (() => Valid.WithKeyboard(k => k.BackgroundColor = "#a1B2c3"), () => Valid.WithKeyboard(k => k.BackgroundColor = "#FFF")),
        ["BgColor name"] = (() => Valid.WithKeyboard(k => k.BackgroundColor = "#000000"), () => Valid.WithKeyboard(k => k.BackgroundColor = "red")),
        ["InputFieldState"] = (() => Valid.WithKeyboard(k => k.InputFieldState = InputFieldState.Minimized), () => Valid.WithKeyboard(k => k.InputFieldState = new InputFieldState("floating"))),
        ["Buttons null"] = (() => Valid.WithKeyboard(_ => { }), () => Valid.WithKeyboard(k => k.Buttons = null!)),
        ["Button null"] = (() => Valid.WithKeyboard(_ => { }), () => Valid.WithKeyboard(k => k.Buttons = [Valid.Button(), null!])),
    };

    [Theory]
    [InlineData("CustomDefaultHeight", 40, 39, "keyboard.CustomDefaultHeight", "between 40 and 70")]
    [InlineData("CustomDefaultHeight", 70, 71, "keyboard.CustomDefaultHeight", "between 40 and 70")]
    [InlineData("HeightScale", 20, 19, "keyboard.HeightScale", "between 20 and 100")]
    [InlineData("HeightScale", 100, 101, "keyboard.HeightScale", "between 20 and 100")]
    [InlineData("ButtonsGroupColumns", 1, 0, "keyboard.ButtonsGroupColumns", "between 1 and 6")]
    [InlineData("ButtonsGroupColumns", 6, 7, "keyboard.ButtonsGroupColumns", "between 1 and 6")]
    [InlineData("ButtonsGroupRows", 1, 0, "keyboard.ButtonsGroupRows", "between 1 and 2")]
    [InlineData("ButtonsGroupRows", 2, 3, "keyboard.ButtonsGroupRows", "between 1 and 2")]
    [InlineData("Buttons count", 1, 0, "keyboard.Buttons", "at least 1")]
    [InlineData("Columns", 1, 0, "keyboard.Buttons[0].Columns", "between 1 and 6")]
    [InlineData("Columns", 6, 7, "keyboard.Buttons[0].Columns", "between 1 and 6")]
    [InlineData("Rows", 1, 0, "keyboard.Buttons[0].Rows", "between 1 and 2")]
    [InlineData("Rows", 2, 3, "keyboard.Buttons[0].Rows", "between 1 and 2")]
    [InlineData("rows of full-width buttons", 12, 13, "keyboard.Buttons[12]", "at most 12 rows")]
    [InlineData("rows of tall buttons", 12, 13, "keyboard.Buttons[12]", "at most 12 rows")]
    [InlineData("rows of narrow buttons", 12, 13, "keyboard.Buttons[72]", "at most 12 rows")]
    public void Limit_passes_at_the_limit_and_throws_past_it(string rule, int atLimit, int pastLimit, string field, string limit)
        => Expect.Limit(Limits[rule], atLimit, pastLimit, field, limit);

    [Theory]
    [InlineData("Type", "keyboard.Type", "'keyboard'")]
    [InlineData("Type value", "keyboard.Type", "'keyboard'")]
    [InlineData("BgColor", "keyboard.BgColor", "#RRGGBB")]
    [InlineData("BgColor name", "keyboard.BgColor", "'red'")]
    [InlineData("InputFieldState", "keyboard.InputFieldState", "regular, minimized, hidden; was 'floating'")]
    [InlineData("Buttons null", "keyboard.Buttons", "at least 1")]
    [InlineData("Button null", "keyboard.Buttons[1]", "required")]
    public void Rule_accepts_the_good_message_and_rejects_the_bad_one(string rule, string field, string ruleText)
        => Expect.Rule(Rules[rule], field, ruleText);

    [Fact]
    public void Tall_button_lets_short_buttons_stack_beside_it()
    {
        // Row band 1–2: a 3×2 button with two 3×1 buttons stacked to its right; the grid is full after 2 rows.
        var band = new Func<IEnumerable<Button>>(() =>
            [new Button { Text = "T", ActionBody = "t", Columns = 3, Rows = 2 }, .. Valid.Buttons(2, b => b.Columns = 3)]);
        var sixBands = Enumerable.Range(0, 6).SelectMany(_ => band()).ToList();

        Expect.Valid(Valid.WithKeyboard(k => k.Buttons = sixBands));
        var exception = Expect.Invalid(Valid.WithKeyboard(k => k.Buttons = [.. sixBands, Valid.Button()]), "keyboard.Buttons[18]");

        Assert.Contains("row 13", exception.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Keyboard_is_checked_on_every_message_type()
    {
        var sticker = Valid.Sticker();
        sticker.Keyboard = new Keyboard { Buttons = [] };

        Expect.Invalid(sticker, "keyboard.Buttons");
    }
}
