using Microsoft.Playwright;
using Viber.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Viber.Browser.Tests;

/// <summary>
/// The page as a new user first sees it, on a phone and on a desktop: each test has a bot app of its own, so the
/// emulator has no user yet, and the page must neither offer actions for nobody nor squeeze the chat.
/// </summary>
[Collection(ChatPageCollection.Name)]
public sealed class ChatPageLayoutTests(ChatPageFixture fixture)
{
    [Fact]
    public async Task On_a_390px_phone_the_chat_fills_the_screen_and_the_panels_open_from_toggles()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        await using var bot = await BotApp.StartAsync(TestContext.Current.CancellationToken);
        await PageRunner.RunAsync(fixture, "phone", viewport: PageRunner.Phone, bot: bot, test: async page =>
        {
            var width = PageRunner.Phone.Width;

            // The chat first, as wide as the screen; the panels are closed and nothing scrolls sideways.
            var chat = (await page.Locator("#chat").BoundingBoxAsync())!;
            Assert.Equal(0, chat.X);
            Assert.Equal(width, chat.Width, 1);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width);
            await Expect(page.Locator("#users-panel")).ToBeHiddenAsync();
            await Expect(page.Locator("#events-panel")).ToBeHiddenAsync();
            await Expect(page.Locator("#toggle-users")).ToBeVisibleAsync();
            await Expect(page.Locator("#no-user")).ToBeVisibleAsync();
            await Expect(page.Locator("#chat-actions")).ToBeHiddenAsync();
            await Expect(page.Locator("#composer")).ToBeHiddenAsync();
            await Screenshots.SaveAsync(page, "phone-first-visit");

            await page.ClickAsync("#pick-user");

            var users = (await page.Locator("#users-panel").BoundingBoxAsync())!;
            Assert.Equal(width, users.Width, 1);
            await Expect(page.Locator("#toggle-users")).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(page.Locator("#new-user-form input[name=name]")).ToBeFocusedAsync();

            await PageRunner.CreateUserAsync(page, "Pat");

            // Picking a user closes the panel: the chat is what the user came for.
            await Expect(page.Locator("#users-panel")).ToBeHiddenAsync();
            await PageRunner.OpenConversationAsync(page);
            await PageRunner.SendAsync(page, "hi from a phone");
            await Expect(page.Locator("#messages .msg.bot .text").Last).ToHaveTextAsync("echo: hi from a phone");
            foreach (var selector in new[] { "#open-conversation", "#mark-seen", "#message-input", "#send", "#messages .msg.bot >> nth=-1" })
            {
                var box = (await page.Locator(selector).BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{selector} is off the screen: x {box.X}, width {box.Width}.");
                Assert.True(box.Y + box.Height <= PageRunner.Phone.Height, $"{selector} is below the screen: y {box.Y}.");
            }

            await Screenshots.SaveAsync(page, "phone-chat");

            await page.ClickAsync("#toggle-events");

            await Expect(page.Locator("#events-panel")).ToBeVisibleAsync();
            await Expect(page.Locator("#events li.callback").Filter(new LocatorFilterOptions { HasText = "message" }).First).ToBeVisibleAsync();
            Assert.Equal(width, (await page.Locator("#events-panel").BoundingBoxAsync())!.Width, 1);
            await Screenshots.SaveAsync(page, "phone-events");

            await page.ClickAsync("#toggle-events");

            await Expect(page.Locator("#events-panel")).ToBeHiddenAsync();
            await Expect(page.Locator("#message-input")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task On_a_desktop_the_three_columns_stay_and_without_a_user_no_action_can_be_taken()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        await using var bot = await BotApp.StartAsync(TestContext.Current.CancellationToken);
        var requests = new List<string>();
        await PageRunner.RunAsync(fixture, "desktop-first-visit", bot: bot, test: async page =>
        {
            page.Request += (_, request) => requests.Add(request.Method + " " + request.Url);
            var users = (await page.Locator("#users-panel").BoundingBoxAsync())!;
            var chat = (await page.Locator("#chat").BoundingBoxAsync())!;
            var events = (await page.Locator("#events-panel").BoundingBoxAsync())!;
            Assert.Equal((0, 260), (users.X, users.Width));
            Assert.Equal(users.X + users.Width, chat.X, 1);
            Assert.Equal(chat.X + chat.Width, events.X, 1);
            Assert.Equal((PageRunner.Desktop.Width - 360f, 360f), (events.X, events.Width));
            Assert.True(chat.Width >= 600, $"The chat is {chat.Width}px wide.");
            await Expect(page.Locator("#panel-toggles")).ToBeHiddenAsync();

            // The hidden attribute wins over the CSS that lays these out: no button for a user nobody picked.
            await Expect(page.Locator("#chat-actions")).ToBeHiddenAsync();
            await Expect(page.Locator("#composer")).ToBeHiddenAsync();
            await Expect(page.Locator("#open-conversation")).ToBeDisabledAsync();

            // Even a click that gets through (a script, a stale button) asks nothing of the API.
            await page.EvalOnSelectorAsync("#open-conversation", "button => { button.disabled = false; button.click(); }");

            await Expect(page.Locator("#error")).ToHaveTextAsync("Pick or create a user first.");
            Assert.DoesNotContain(requests, r => r.Contains("/api/users/", StringComparison.Ordinal));
        });
    }
}
