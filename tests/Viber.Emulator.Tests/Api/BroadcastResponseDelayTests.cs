using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Api;

/// <summary><see cref="ViberEmulatorOptions.BroadcastResponseDelay"/>: broadcast_message answered late, as the real API over a network.</summary>
public sealed class BroadcastResponseDelayTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    // Only bounds a wait for a signal, so a broken emulator fails the test instead of hanging it; nothing is timed.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_answer_comes_after_the_delay_on_the_emulator_clock_the_request_counted_and_delivered_on_arrival()
    {
        var time = new TimerSignalingTimeProvider();
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.BroadcastResponseDelay = Delay, time: time);
        var ann = await harness.SubscribedUserAsync("Ann");

        var call = harness.CallAsync(ViberApiMethods.BroadcastMessage, Broadcast([ann.Id]));
        await time.WaitForTimersAsync(Delay, 1, Ct).WaitAsync(Guard, Ct);

        Assert.Single(ann.Messages);
        Assert.Equal(1, harness.Emulator.Account.MostBroadcastsInAnyWindow);
        time.Advance(Delay - TimeSpan.FromTicks(1));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        var answer = await call.WaitAsync(Guard, Ct);

        Assert.Equal(ViberStatus.Ok, answer.Status);
    }

    [Fact]
    public async Task Other_methods_are_not_delayed()
    {
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.BroadcastResponseDelay = TimeSpan.FromDays(1));
        var ann = await harness.SubscribedUserAsync("Ann");

        var answer = await harness.SendTextAsync(ann.Id, "hi").WaitAsync(Guard, Ct);

        Assert.Equal(ViberStatus.Ok, answer.Status);
    }

    [Theory]
    [InlineData(-1d)]
    [InlineData(86_400_001d)]
    public void A_delay_below_zero_or_over_a_day_is_rejected(double milliseconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ViberEmulator(new ViberEmulatorOptions { BroadcastResponseDelay = TimeSpan.FromMilliseconds(milliseconds) }));

        Assert.Contains("BroadcastResponseDelay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_BroadcastConcurrency_4_has_4_requests_waiting_for_their_answers_at_once()
    {
        var time = new TimerSignalingTimeProvider();
        await using var harness = await EmulatorHarness.StartAsync(configure: o => (o.BroadcastResponseDelay, o.AcceptUnknownBroadcastReceivers) = (Delay, true), time: time);
        using var http = new HttpClient(harness.Emulator.CreateApiHandler());
        using var client = new ViberBotClient(
            http,
            new ViberBotClientOptions
            {
                AuthToken = EmulatorHarness.Token,
                BaseAddress = new Uri("http://localhost/pa/"),
                DefaultSender = new ViberSender("Bot"),
                BroadcastConcurrency = 4,
            },
            time);

        // 10 requests: 4 answered after the first delay, 4 after the second, 2 after the third.
        var broadcast = client.BroadcastMessageAsync(new TextMessage { Text = "News" }, [.. Enumerable.Range(0, 3000).Select(i => $"user-{i}")], Ct);
        await time.WaitForTimersAsync(Delay, 4, Ct).WaitAsync(Guard, Ct);
        Assert.Equal(4, harness.Emulator.Account.MostBroadcastsInAnyWindow);
        foreach (var requestsSoFar in new[] { 8, 10 })
        {
            time.Advance(Delay);
            await time.WaitForTimersAsync(Delay, requestsSoFar, Ct).WaitAsync(Guard, Ct);
        }

        time.Advance(Delay);
        var result = await broadcast.WaitAsync(Guard, Ct);

        Assert.True(result.AllSucceeded);
        Assert.Equal(10, result.MessageTokens.Count);
        Assert.Equal(10, harness.Emulator.Account.MostBroadcastsInAnyWindow);
    }

    private static JsonObject Broadcast(IEnumerable<string> receivers) => new()
    {
        ["type"] = "text",
        ["text"] = "hi",
        ["sender"] = Requests.Sender,
        ["broadcast_list"] = new JsonArray([.. receivers.Select(r => (JsonNode)JsonValue.Create(r))]),
    };
}
