using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Viber.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Viber.Browser.Tests;

/// <summary>
/// The emulator's chat page in Chromium against a real bot (Viber.AspNetCore on Kestrel): what a developer does on the
/// page and what they must see. Each test has its own user and saves a screenshot under artifacts/screenshots/.
/// </summary>
[Collection(ChatPageCollection.Name)]
public sealed class ChatPageTests(ChatPageFixture fixture)
{
    [Fact]
    public Task A_message_is_echoed_with_the_bots_name_and_avatar_and_ticks_go_from_delivered_to_seen() => RunAsync("echo", "Ann", async page =>
    {
        await SendAsync(page, "hello *Viber*");

        var echo = page.Locator("#messages .msg.bot").Last;
        await Expect(echo.Locator(".text")).ToHaveTextAsync("echo: hello Viber");
        await Expect(echo.Locator(".text b")).ToHaveTextAsync("Viber");
        await Expect(echo.Locator(".sender .avatar")).ToBeVisibleAsync();
        await Expect(echo.Locator(".sender .avatar")).ToHaveAttributeAsync("title", new Regex("^" + BotApp.BotName));
        await Expect(page.Locator("#messages .msg.user").Last.Locator(".ticks")).ToHaveClassAsync(Ticks("delivered"));
        await Expect(echo.Locator(".ticks")).ToHaveClassAsync(Ticks("delivered"));

        await page.ClickAsync("#mark-seen");

        await Expect(echo.Locator(".ticks")).ToHaveClassAsync(Ticks("seen"));
    });

    [Fact]
    public Task The_keyboard_is_laid_out_on_six_columns_and_a_tap_sends_the_buttons_ActionBody() => RunAsync("keyboard", "Bohdan", async page =>
    {
        await SendAsync(page, ShopBot.Menu);

        var buttons = page.Locator("#keyboard .vb-button");
        await Expect(buttons).ToHaveCountAsync(6);
        await Expect(buttons.Nth(3).Locator("b")).ToHaveTextAsync("Today's special");
        var measured = await Boxes.OfShownAsync(page, "#keyboard", ".vb-button", 6);
        var keyboard = measured[0];
        var boxes = measured.Skip(1).ToArray();
        var third = boxes[0];
        var half = boxes[3];
        var whole = boxes[5];

        // Columns 2, 3 and 6 of Viber's 6-column grid: a third, a half and the whole width (less the gaps).
        Assert.InRange(third.Width / keyboard.Width, 0.28, 0.34);
        Assert.InRange(half.Width / keyboard.Width, 0.45, 0.51);
        Assert.InRange(whole.Width / keyboard.Width, 0.95, 1.0);
        Assert.Equal(third.Y, boxes[2].Y);
        Assert.True(half.Y > third.Y && whole.Y > half.Y);
        await Screenshots.SaveAsync(page, "keyboard-shown");

        await buttons.Filter(new LocatorFilterOptions { HasText = "Sushi" }).ClickAsync();

        await Expect(page.Locator("#messages .msg.bot .text").Last).ToHaveTextAsync("echo: sushi");
        await Expect(page.Locator("#messages .msg.user .text").Last).ToHaveTextAsync("sushi");
    });

    [Fact]
    public Task A_carousel_shows_its_blocks_side_by_side_and_their_buttons_are_tappable() => RunAsync("carousel", "Chen", async page =>
    {
        await SendAsync(page, ShopBot.Carousel);

        var blocks = page.Locator("#messages .msg.bot .carousel .rm-block");
        await Expect(blocks).ToHaveCountAsync(2);
        await Expect(blocks.Nth(0)).ToContainTextAsync("Margherita");
        await Expect(blocks.Nth(1)).ToContainTextAsync("Pepperoni");
        await Expect(blocks.Nth(1).Locator(".vb-button")).ToHaveCountAsync(3);
        await Expect(blocks.Nth(0)).ToBeVisibleAsync();
        await Expect(blocks.Nth(1)).ToBeVisibleAsync();
        var measured = await Boxes.OfAsync(blocks);
        var first = measured[0];
        var second = measured[1];
        Assert.Equal(first.Y, second.Y);
        Assert.True(second.X >= first.X + first.Width);

        await blocks.Nth(1).GetByText("Order").ClickAsync();

        await Expect(page.Locator("#messages .msg.bot .text").Last).ToHaveTextAsync("echo: order:pepperoni");
    });

    [Fact]
    public Task A_send_Viber_refuses_shows_in_the_side_panel_with_its_status_and_status_message() => RunAsync("failed-send", "Dana", openConversation: false, async page =>
    {
        // No conversation_started, so no welcome message is allowed either: only a subscribed user can be written to.
        await page.ClickAsync("#subscribe");
        await Expect(page.Locator("#user-list li.selected .badge")).ToHaveTextAsync("subscribed");

        // The bot says goodbye on unsubscribe, and Viber refuses messages to users who are not subscribed.
        await page.ClickAsync("#unsubscribe");

        var failure = page.Locator("#events li.api.failed").Filter(new LocatorFilterOptions { HasText = "send_message" }).First;
        await Expect(failure.Locator(".summary")).ToContainTextAsync("send_message → status 6: receiverNotSubscribed: the user has not subscribed");
        await Expect(failure.Locator("pre")).ToBeVisibleAsync();
        await Expect(failure.Locator("pre")).ToContainTextAsync("\"status_message\"");
        await Expect(failure.Locator("pre")).ToContainTextAsync("Sorry to see you go!");
        await Expect(page.Locator("#events li.callback").Filter(new LocatorFilterOptions { HasText = "unsubscribed" }).First).ToContainTextAsync("HTTP 200");

        // With other users chatting too, the panel can keep to the selected one.
        var id = await page.Locator("#user-list li.selected").GetAttributeAsync("data-user-id");
        await page.CheckAsync("#events-selected-only");
        await Expect(page.Locator($"#events li[data-user-id]:not([data-user-id=\"{id}\"]):visible")).ToHaveCountAsync(0);
        await Expect(failure).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_header_names_the_bot_account_and_a_bubble_shows_its_sender_name_only_where_it_differs() => RunAsync("bot-name", "Emma", async page =>
    {
        await SendAsync(page, "hello");
        var echo = page.Locator("#messages .msg.bot").Filter(new LocatorFilterOptions { HasText = "echo: hello" });
        await Expect(echo).ToHaveCountAsync(1);

        await SendAsync(page, ShopBot.Chef);

        // The account and the sender are the same bot here: one name, in the header only.
        await Expect(page.Locator("#chat-title")).ToHaveTextAsync("Emma ↔ " + BotApp.BotName);
        await Expect(echo.Locator(".sender-name")).ToHaveCountAsync(0);
        var chef = page.Locator("#messages .msg.bot").Filter(new LocatorFilterOptions { HasText = ShopBot.ChefText });
        await Expect(chef.Locator(".sender-name")).ToHaveTextAsync(ShopBot.ChefName);
        await Expect(chef.Locator(".sender-name")).ToHaveAttributeAsync("title", "sender.name of this message; the bot account is named " + BotApp.BotName);
        await Expect(page.Locator("#chat-title")).ToHaveTextAsync("Emma ↔ " + BotApp.BotName);
        await Expect(page.Locator("#bot-info .bot-name")).ToHaveTextAsync(BotApp.BotName);
    });

    /// <summary>Opens the page in a fresh context, creates a user and opens its chat, runs the test, saves screenshots.</summary>
    private Task RunAsync(string name, string user, Func<IPage, Task> test) => RunAsync(name, user, openConversation: true, test);

    private Task RunAsync(string name, string user, bool openConversation, Func<IPage, Task> test) => PageRunner.RunAsync(fixture, name, async page =>
    {
        await PageRunner.CreateUserAsync(page, user);
        if (openConversation)
        {
            await PageRunner.OpenConversationAsync(page);
        }

        await test(page);
    });

    private static Task SendAsync(IPage page, string text) => PageRunner.SendAsync(page, text);

    private static Regex Ticks(string status) => new("(^|\\s)" + status + "(\\s|$)");
}
