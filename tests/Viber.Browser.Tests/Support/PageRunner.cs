using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Viber.Browser.Tests.Support;

/// <summary>
/// Opens the chat page in a fresh browser context, runs a test, saves its screenshot under artifacts/screenshots/
/// (<c>-failed</c> when it fails) and fails it when the page reported a script error or an unexpected console error.
/// </summary>
internal static partial class PageRunner
{
    public static ViewportSize Desktop { get; } = new() { Width = 1280, Height = 800 };

    public static ViewportSize Phone { get; } = new() { Width = 390, Height = 844 };

    /// <summary>Runs <paramref name="test"/> on a page of <paramref name="bot"/> (the fixture's shared one by default).</summary>
    /// <param name="fixture">The browser.</param>
    /// <param name="name">The screenshot's name.</param>
    /// <param name="test">The test, given the page once it shows the bot's webhook.</param>
    /// <param name="viewport">The window size; <see cref="Desktop"/> by default.</param>
    /// <param name="bot">The bot app; the fixture's by default.</param>
    /// <param name="setUp">Runs on the new context before the page is opened (a fake clock, a blocked route).</param>
    /// <param name="expectedConsoleError">
    /// Which console errors the test provokes: Chromium logs every error answer and failed request as one
    /// ("Failed to load resource"). See <see cref="ClientErrorAnswer"/>.
    /// </param>
    public static async Task RunAsync(
        ChatPageFixture fixture,
        string name,
        Func<IPage, Task> test,
        ViewportSize? viewport = null,
        BotApp? bot = null,
        Func<IBrowserContext, Task>? setUp = null,
        Func<string, bool>? expectedConsoleError = null)
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        bot ??= fixture.Bot;
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? Desktop });
        if (setUp is not null)
        {
            await setUp(context);
        }

        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && expectedConsoleError?.Invoke(message.Text) != true)
            {
                problems.Add("console error: " + message.Text + " " + message.Location);
            }
        };

        try
        {
            await page.GotoAsync(bot.PageUrl.ToString());
            await Expect(page.Locator("#bot-info")).ToContainTextAsync("webhook http://127.0.0.1:");
            await test(page);
        }
        catch
        {
            await Screenshots.SaveAsync(page, name + "-failed");
            throw;
        }

        await Screenshots.SaveAsync(page, name);
        Assert.True(problems.Count == 0, "The page reported problems:\n" + string.Join("\n", problems));
    }

    /// <summary>Creates a user with the form and waits for its chat; on a narrow screen the users panel is opened first.</summary>
    /// <returns>The user's id.</returns>
    public static async Task<string> CreateUserAsync(IPage page, string user)
    {
        if (await page.Locator("#toggle-users").IsVisibleAsync() && await page.Locator("#toggle-users").GetAttributeAsync("aria-expanded") != "true")
        {
            await page.ClickAsync("#toggle-users");
        }

        await page.FillAsync("#new-user-form input[name=name]", user);
        await page.ClickAsync("#create-user");
        await Expect(page.Locator("#chat-title")).ToHaveTextAsync(user + " ↔ " + BotApp.BotName);
        return (await page.Locator("#user-list li.selected").GetAttributeAsync("data-user-id"))!;
    }

    /// <summary>Opens the conversation with a deep-link context and waits until the bot answered conversation_started.</summary>
    public static async Task OpenConversationAsync(IPage page)
    {
        await page.FillAsync("#context-input", "browser-test");
        await page.ClickAsync("#open-conversation");
        await Expect(page.Locator("#events li.callback").Filter(new LocatorFilterOptions { HasText = "conversation_started" }).First).ToContainTextAsync("HTTP 200");
    }

    public static async Task SendAsync(IPage page, string text)
    {
        await page.FillAsync("#message-input", text);
        await page.PressAsync("#message-input", "Enter");
    }

    /// <summary>Chromium's console line for a 4xx answer, which tests of refused input provoke.</summary>
    public static bool ClientErrorAnswer(string consoleText) => ClientError().IsMatch(consoleText);

    [GeneratedRegex(@"^Failed to load resource: the server responded with a status of 4\d\d")]
    private static partial Regex ClientError();
}
