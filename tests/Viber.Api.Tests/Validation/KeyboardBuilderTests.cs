using Viber.Api.Keyboards;
using Viber.Api.Serialization;

namespace Viber.Api.Tests.Validation;

public sealed class KeyboardBuilderTests
{
    [Fact]
    public void Builds_a_valid_keyboard_in_the_order_buttons_were_added()
    {
        var keyboard = new KeyboardBuilder()
            .AddRow("Yes", "No")
            .AddButton("Help", "help", columns: 3, rows: 2)
            .AddUrlButton("Site", "https://example.com", columns: 3)
            .WithBackgroundColor("#FFFFFF")
            .WithDefaultHeight()
            .WithInputFieldState(InputFieldState.Minimized)
            .Build();

        Assert.Equal(Keyboard.KeyboardType, keyboard.Type);
        Assert.Equal(["Yes", "No", "Help", "Site"], keyboard.Buttons.Select(b => b.Text));
        Assert.Equal(["Yes", "No", "help", "https://example.com"], keyboard.Buttons.Select(b => b.ActionBody));
        Assert.Equal([3, 3, 3, 3], keyboard.Buttons.Select(b => b.Columns ?? 0));
        Assert.Equal(2, keyboard.Buttons[2].Rows);
        Assert.Equal(ButtonActionType.Reply, keyboard.Buttons[0].ActionType);
        Assert.Equal(ButtonActionType.OpenUrl, keyboard.Buttons[3].ActionType);
        Assert.Equal("#FFFFFF", keyboard.BackgroundColor);
        Assert.True(keyboard.DefaultHeight);
        Assert.Equal(InputFieldState.Minimized, keyboard.InputFieldState);

        Expect.Valid(Valid.KeyboardOnly(keyboard));
    }

    [Theory]
    [InlineData(1, new[] { 6 })]
    [InlineData(2, new[] { 3, 3 })]
    [InlineData(3, new[] { 2, 2, 2 })]
    [InlineData(4, new[] { 2, 2, 1, 1 })]
    [InlineData(5, new[] { 2, 1, 1, 1, 1 })]
    [InlineData(6, new[] { 1, 1, 1, 1, 1, 1 })]
    public void Row_shares_six_columns(int count, int[] columns)
    {
        var keyboard = new KeyboardBuilder().AddRow([.. Enumerable.Range(1, count).Select(i => $"R{i}")]).Build();

        Assert.Equal(columns, keyboard.Buttons.Select(b => b.Columns ?? 0));
    }

    [Fact]
    public void Row_of_more_than_six_or_none_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyboardBuilder().AddRow("1", "2", "3", "4", "5", "6", "7"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyboardBuilder().AddRow());
    }

    [Fact]
    public void Build_validates_the_keyboard()
    {
        var empty = Assert.Throws<ViberValidationException>(() => new KeyboardBuilder().Build());
        Assert.Equal("keyboard.Buttons", empty.Field);

        var badColor = Assert.Throws<ViberValidationException>(() => new KeyboardBuilder().AddRow("a").WithBackgroundColor("white").Build());
        Assert.Equal("keyboard.BgColor", badColor.Field);

        var tooWide = Assert.Throws<ViberValidationException>(() => new KeyboardBuilder().AddButton("a", "a", columns: 7).Build());
        Assert.Equal("keyboard.Buttons[0].Columns", tooWide.Field);
    }

    [Fact]
    public void Each_build_returns_an_independent_keyboard()
    {
        var builder = new KeyboardBuilder().AddRow("a");
        var first = builder.Build();

        var second = builder.AddRow("b").Build();

        Assert.Single(first.Buttons);
        Assert.Equal(2, second.Buttons.Count);
    }

    [Fact]
    public void Built_keyboard_serializes_with_documented_names()
    {
        var message = Valid.KeyboardOnly(new KeyboardBuilder().AddButton("Go", "go", columns: 2).Build());

        var json = System.Text.Encoding.UTF8.GetString(ViberJson.SerializeMessage(message));

        Assert.Contains("\"Type\":\"keyboard\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Columns\":2", json, StringComparison.Ordinal);
        Assert.Contains("\"ActionType\":\"reply\"", json, StringComparison.Ordinal);
    }
}
