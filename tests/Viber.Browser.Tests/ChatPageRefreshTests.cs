using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Viber.Browser.Tests.Support;
using Viber.Emulator.Events;
using static Microsoft.Playwright.Assertions;

namespace Viber.Browser.Tests;

/// <summary>
/// How the page learns what changed: from the event stream, with no request while nothing happens (a bot's console
/// stays readable), and with a slow refresh only while the stream is down. The page's clock is Playwright's fake
/// one, so minutes of page time pass in a moment and any timer the page has would fire.
/// </summary>
[Collection(ChatPageCollection.Name)]
public sealed class ChatPageRefreshTests(ChatPageFixture fixture)
{
    [Fact]
    public Task An_idle_page_makes_no_request_for_minutes_and_a_burst_of_events_makes_few() => PageRunner.RunAsync(
        fixture,
        "idle",
        setUp: context => context.Clock.InstallAsync(),
        test: async page =>
        {
            var requests = new List<string>();
            page.Request += (_, request) =>
            {
                lock (requests)
                {
                    requests.Add(request.Method + " " + new Uri(request.Url).AbsolutePath);
                }
            };
            var id = await PageRunner.CreateUserAsync(page, "Lev");
            await PageRunner.OpenConversationAsync(page);
            await Expect(page.Locator("#live")).ToHaveClassAsync(new Regex("\\bon\\b"));
            await WaitForQuietAsync(page, TimeSpan.FromSeconds(1));
            var before = Snapshot(requests).Count;
            var eventsBefore = fixture.Bot.Emulator.Events.Count;

            await PageRunner.SendAsync(page, "hello");

            // The echo shown delivered is the end of the burst: the message, its callback, the reply, its ticks.
            var echo = page.Locator("#messages .msg.bot").Filter(new LocatorFilterOptions { HasText = "echo: hello" });
            await Expect(echo.Locator(".ticks")).ToHaveClassAsync(new Regex("\\bdelivered\\b"));
            await fixture.Bot.Emulator.WhenIdleAsync(TestContext.Current.CancellationToken);
            await page.Clock.RunForAsync(2000);
            await WaitForQuietAsync(page, TimeSpan.FromSeconds(1));
            var burst = Snapshot(requests).Skip(before).ToList();
            var gets = burst.Count(r => r.StartsWith("GET ", StringComparison.Ordinal));

            // Each of these events once made the page ask again (the user's message, the reply, the ticks, the
            // subscription); gathered, the burst takes a refresh of the state and one or two of the conversation.
            var refreshing = fixture.Bot.Emulator.Events.Skip(eventsBefore).Count(e => e switch
            {
                ChatMessageEvent message => message.UserId == id,
                MessageStateChangedEvent state => state.UserId == id,
                UserChangedEvent user => user.UserId == id,
                _ => false,
            });
            Assert.Equal(1, burst.Count(r => r.StartsWith("POST ", StringComparison.Ordinal)));
            Assert.True(gets <= 4 && gets < refreshing, $"{refreshing} events made these requests:\n" + string.Join("\n", burst));

            // Idle: five minutes of page time, every timer firing, then a moment of real time for anything in flight.
            var idleFrom = Snapshot(requests).Count;
            await page.Clock.RunForAsync("05:00");
            await WaitForQuietAsync(page, TimeSpan.FromSeconds(2));

            Assert.Empty(Snapshot(requests).Skip(idleFrom));
        });

    [Fact]
    public Task Without_the_event_stream_the_page_falls_back_to_a_slow_refresh() => PageRunner.RunAsync(
        fixture,
        "fallback",
        expectedConsoleError: IsTheBlockedStream,
        setUp: BlockTheStreamAsync,
        test: async page =>
        {
            await Expect(page.Locator("#live")).ToHaveAttributeAsync("title", new Regex("disconnected"));
            var id = await PageRunner.CreateUserAsync(page, "Mila");
            await page.ClickAsync("#subscribe");
            await Expect(page.Locator("#user-list li.selected .badge")).ToHaveTextAsync("subscribed");

            // Time stops on the page: nothing it does now can come from a timer. The pause point is 2 s ahead because
            // page time runs on between reading it and pausing (on a loaded machine, more than a few milliseconds);
            // a refresh the jump may fire comes before the message below, so it cannot show it.
            var now = await page.EvaluateAsync<long>("Date.now()");
            await page.Clock.PauseAtAsync(DateTimeOffset.FromUnixTimeMilliseconds(now + 2_000).UtcDateTime);
            await fixture.Bot.Emulator.GetUser(id).SendTextAsync("written in the phone app", TestContext.Current.CancellationToken);
            await fixture.Bot.Emulator.WhenIdleAsync(TestContext.Current.CancellationToken);
            await Expect(page.Locator("#messages .msg")).ToHaveCountAsync(0);

            await page.Clock.RunForAsync(10_000);

            await Expect(page.Locator("#messages .msg.user .text")).ToHaveTextAsync("written in the phone app");
            await Expect(page.Locator("#messages .msg.bot .text")).ToHaveTextAsync("echo: written in the phone app");
        });

    [Fact]
    public Task A_refresh_that_changes_nothing_leaves_the_chat_as_it_is() => PageRunner.RunAsync(
        fixture,
        "unchanged-refresh",
        expectedConsoleError: IsTheBlockedStream,
        setUp: BlockTheStreamAsync,
        test: async page =>
        {
            var id = await PageRunner.CreateUserAsync(page, "Oleg");
            await page.ClickAsync("#subscribe");
            await Expect(page.Locator("#user-list li.selected .badge")).ToHaveTextAsync("subscribed");
            var user = fixture.Bot.Emulator.GetUser(id);
            await user.SendTextAsync("first", TestContext.Current.CancellationToken);
            await fixture.Bot.Emulator.WhenIdleAsync(TestContext.Current.CancellationToken);
            await page.Clock.RunForAsync(10_000);
            var echo = page.Locator("#messages .msg.bot").Last;
            await Expect(echo.Locator(".text")).ToHaveTextAsync("echo: first");
            await Expect(echo.Locator(".ticks")).ToHaveClassAsync(new Regex("\\bdelivered\\b"));

            // From here on only the test moves the page's clock (see the fallback test for the 2 s), and every
            // rebuild of the chat is counted.
            var now = await page.EvaluateAsync<long>("Date.now()");
            await page.Clock.PauseAtAsync(DateTimeOffset.FromUnixTimeMilliseconds(now + 2_000).UtcDateTime);
            await page.EvaluateAsync(
                "() => { window.rebuilds = 0; new MutationObserver(records => { window.rebuilds += records.filter(r => r.removedNodes.length > 0).length; })"
                + ".observe(document.getElementById('messages'), { childList: true }); }");

            // A slow refresh that finds the conversation as it is shown...
            var unchanged = page.WaitForResponseAsync(response => response.Url.EndsWith("/conversation", StringComparison.Ordinal));
            await page.Clock.RunForAsync(10_000);
            await unchanged;

            // ...then one that brings a new message. Refreshes run one after another, so once the new message shows,
            // the first refresh has been handled: the chat was rebuilt for the new message only.
            await user.SendTextAsync("second", TestContext.Current.CancellationToken);
            await fixture.Bot.Emulator.WhenIdleAsync(TestContext.Current.CancellationToken);
            await page.Clock.RunForAsync(10_000);
            await Expect(page.Locator("#messages .msg.bot .text").Last).ToHaveTextAsync("echo: second");

            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.rebuilds"));
        });

    // The page's console reports the blocked event stream as a failed resource.
    private static bool IsTheBlockedStream(string text) => text.StartsWith("Failed to load resource: net::ERR_FAILED", StringComparison.Ordinal);

    // A fake clock, and the event stream blocked as a proxy that does not pass server-sent events through would:
    // the page falls back to its slow refresh.
    private static async Task BlockTheStreamAsync(IBrowserContext context)
    {
        await context.Clock.InstallAsync();
        await context.RouteAsync("**/api/events*", route => route.AbortAsync());
    }

    private static List<string> Snapshot(List<string> requests)
    {
        lock (requests)
        {
            return [.. requests];
        }
    }

    /// <summary>
    /// Waits until the page has made no request for <paramref name="quiet"/> of real time (at most five such windows):
    /// requests in flight from what came before are over, and the window is bounded.
    /// </summary>
    private static async Task WaitForQuietAsync(IPage page, TimeSpan quiet)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var request = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnRequest(object? sender, IRequest e) => request.TrySetResult();
            page.Request += OnRequest;
            try
            {
                if (await Task.WhenAny(request.Task, Task.Delay(quiet, TestContext.Current.CancellationToken)) != request.Task)
                {
                    return;
                }
            }
            finally
            {
                page.Request -= OnRequest;
            }
        }
    }
}
