using Viber.Api.Keyboards;
using Viber.Api.Messages;

namespace Viber.Api.Tests.Validation;

public sealed class RichMediaBuilderTests
{
    [Fact]
    public void Builds_valid_carousel_content()
    {
        var content = new RichMediaBuilder(columns: 6, rows: 5)
            .AddImage("https://example.com/a.png", "https://example.com/a", rows: 3)
            .AddUrlButton("Details", "https://example.com/a")
            .AddReplyButton("Buy", "buy:a")
            .AddButton(new Button { Columns = 3, Rows = 1, ActionType = ButtonActionType.None, ActionBody = "none", BackgroundColor = "#EEEEEE" })
            .WithBackgroundColor("#FFFFFF")
            .Build();

        Assert.Equal((6, 5), (content.ButtonsGroupColumns, content.ButtonsGroupRows));
        Assert.Equal("#FFFFFF", content.BackgroundColor);
        Assert.Equal([6, 6, 6, 3], content.Buttons.Select(b => b.Columns ?? 0));
        Assert.Equal([3, 1, 1, 1], content.Buttons.Select(b => b.Rows ?? 0));
        Assert.Equal("https://example.com/a.png", content.Buttons[0].Image);
        Assert.Equal(ButtonActionType.OpenUrl, content.Buttons[0].ActionType);
        Assert.Equal(ButtonActionType.Reply, content.Buttons[2].ActionType);

        Expect.Valid(new RichMediaMessage { Receiver = Valid.Receiver, Sender = Valid.Sender(), RichMedia = content });
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(7, 7)]
    [InlineData(6, 0)]
    [InlineData(6, 8)]
    public void Block_size_outside_the_documented_range_is_an_argument_error(int columns, int rows)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RichMediaBuilder(columns, rows));

    [Fact]
    public void Build_validates_the_content()
    {
        var empty = Assert.Throws<ViberValidationException>(() => new RichMediaBuilder().Build());
        Assert.Equal("rich_media.Buttons", empty.Field);

        var tooTall = Assert.Throws<ViberValidationException>(() => new RichMediaBuilder(rows: 2).AddReplyButton("a", "a", rows: 3).Build());
        Assert.Equal("rich_media.Buttons[0].Rows", tooTall.Field);

        var sharePhone = Assert.Throws<ViberValidationException>(
            () => new RichMediaBuilder().AddButton(new Button { Text = "p", ActionBody = "p", ActionType = ButtonActionType.SharePhone }).Build());
        Assert.Equal("rich_media.Buttons[0].ActionType", sharePhone.Field);
    }
}
