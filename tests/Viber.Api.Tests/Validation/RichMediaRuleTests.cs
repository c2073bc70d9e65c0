using Viber.Api.Keyboards;
using Viber.Api.Messages;

namespace Viber.Api.Tests.Validation;

public sealed class RichMediaRuleTests
{
    private static readonly Dictionary<string, Func<int, ViberMessage>> Limits = new()
    {
        ["ButtonsGroupColumns"] = n => Valid.RichMedia(r => r.ButtonsGroupColumns = n),
        ["ButtonsGroupRows"] = n => Valid.RichMedia(r => r.ButtonsGroupRows = n),
        ["HeightScale"] = n => Valid.RichMedia(r => r.HeightScale = n),

        // A 1×1 block: 6 blocks hold 6 buttons.
        ["Buttons max 1x1"] = n => Valid.RichMedia(r => (r.ButtonsGroupColumns, r.ButtonsGroupRows, r.Buttons) = (1, 1, Valid.Buttons(n))),

        // The defaults (6 × 7): 6 × 6 × 7 = 252 buttons.
        ["Buttons max default"] = n => Valid.RichMedia(r => r.Buttons = Valid.Buttons(n, b => (b.Columns, b.Rows) = (1, 1))),
        ["Buttons min"] = n => Valid.RichMedia(r => r.Buttons = Valid.Buttons(n)),
        ["Columns in 3-column blocks"] = n => Valid.RichMedia(r => (r.ButtonsGroupColumns, r.Buttons[0].Columns) = (3, n)),
        ["Rows in 4-row blocks"] = n => Valid.RichMedia(r => (r.ButtonsGroupRows, r.Buttons[0].Rows) = (4, n)),
        ["Columns by default"] = n => Valid.WithRichButton(b => b.Columns = n),
        ["Rows by default"] = n => Valid.WithRichButton(b => b.Rows = n),
        ["button Text"] = n => Valid.WithRichButton(b => b.Text = Expect.Chars(n)),
    };

    private static readonly Dictionary<string, (Func<ViberMessage> Good, Func<ViberMessage> Bad)> Rules = new()
    {
        ["rich_media null"] = (() => Valid.RichMedia(), () => Valid.With(Valid.RichMedia(), m => m.RichMedia = null)),
        ["Type"] = (() => Valid.RichMedia(r => r.Type = null), () => Valid.RichMedia(r => r.Type = Keyboard.KeyboardType)),
        ["BgColor"] = (() => Valid.RichMedia(r => r.BackgroundColor = "#FFFFFF"), () => Valid.RichMedia(r => r.BackgroundColor = "#FFFFF")),
        ["location-picker"] = (() => Valid.WithRichButton(b => b.ActionType = ButtonActionType.OpenUrl), () => Valid.WithRichButton(b => b.ActionType = ButtonActionType.LocationPicker)),
        ["share-phone"] = (() => Valid.WithRichButton(b => b.ActionType = ButtonActionType.None), () => Valid.WithRichButton(b => b.ActionType = ButtonActionType.SharePhone)),
        ["TextSize"] = (() => Valid.WithRichButton(b => b.TextSize = TextSize.Regular), () => Valid.WithRichButton(b => b.TextSize = new TextSize("medium"))),
        ["alt_text optional"] = (() => Valid.With(Valid.RichMedia(), m => m.AltText = "See the carousel"), () => Valid.RichMedia(r => r.Buttons = [])),
    };

    [Theory]
    [InlineData("ButtonsGroupColumns", 1, 0, "rich_media.ButtonsGroupColumns", "between 1 and 6")]
    [InlineData("ButtonsGroupColumns", 6, 7, "rich_media.ButtonsGroupColumns", "between 1 and 6")]
    [InlineData("ButtonsGroupRows", 1, 0, "rich_media.ButtonsGroupRows", "between 1 and 7")]
    [InlineData("ButtonsGroupRows", 7, 8, "rich_media.ButtonsGroupRows", "between 1 and 7")]
    [InlineData("HeightScale", 20, 19, "rich_media.HeightScale", "between 20 and 100")]
    [InlineData("HeightScale", 100, 101, "rich_media.HeightScale", "between 20 and 100")]
    [InlineData("Buttons max 1x1", 6, 7, "rich_media.Buttons", "at most 6 buttons")]
    [InlineData("Buttons max default", 252, 253, "rich_media.Buttons", "at most 252 buttons")]
    [InlineData("Buttons min", 1, 0, "rich_media.Buttons", "at least 1")]
    [InlineData("Columns in 3-column blocks", 3, 4, "rich_media.Buttons[0].Columns", "between 1 and 3")]
    [InlineData("Columns in 3-column blocks", 1, 0, "rich_media.Buttons[0].Columns", "between 1 and 3")]
    [InlineData("Rows in 4-row blocks", 4, 5, "rich_media.Buttons[0].Rows", "between 1 and 4")]
    [InlineData("Rows in 4-row blocks", 1, 0, "rich_media.Buttons[0].Rows", "between 1 and 4")]
    [InlineData("Columns by default", 6, 7, "rich_media.Buttons[0].Columns", "between 1 and 6")]
    [InlineData("Rows by default", 7, 8, "rich_media.Buttons[0].Rows", "between 1 and 7")]
    [InlineData("button Text", 250, 251, "rich_media.Buttons[0].Text", "250")]
    public void Limit_passes_at_the_limit_and_throws_past_it(string rule, int atLimit, int pastLimit, string field, string limit)
        => Expect.Limit(Limits[rule], atLimit, pastLimit, field, limit);

    [Theory]
    [InlineData("rich_media null", "rich_media", "required")]
    [InlineData("Type", "rich_media.Type", "'rich_media'")]
    [InlineData("BgColor", "rich_media.BgColor", "#RRGGBB")]
    [InlineData("location-picker", "rich_media.Buttons[0].ActionType", "must not be location-picker in rich media")]
    [InlineData("share-phone", "rich_media.Buttons[0].ActionType", "must not be share-phone in rich media")]
    [InlineData("TextSize", "rich_media.Buttons[0].TextSize", "'medium'")]
    [InlineData("alt_text optional", "rich_media.Buttons", "at least 1")]
    public void Rule_accepts_the_good_message_and_rejects_the_bad_one(string rule, string field, string ruleText)
        => Expect.Rule(Rules[rule], field, ruleText);

    [Fact]
    public void Location_picker_is_fine_on_a_keyboard()
        => Expect.Valid(Valid.WithButton(b => b.ActionType = ButtonActionType.LocationPicker));
}
