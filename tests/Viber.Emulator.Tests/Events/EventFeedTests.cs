using Viber.Api;
using Viber.Emulator.Conversations;
using Viber.Emulator.Events;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Events;

/// <summary>The live feed a chat page or a test follows.</summary>
public sealed class EventFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_subscriber_sees_api_calls_callbacks_and_messages_live_in_order()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync("Ann", devices: 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var seen = new List<EmulatorEvent>();
        var everyDelivery = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // History plus live events have no gap, so starting after the last known event misses nothing,
        // however late the reader gets going.
        var before = harness.Emulator.Events[^1].Sequence;
        var reader = Task.Run(
            async () =>
            {
                await foreach (var e in harness.Emulator.Subscribe(includeHistory: true, stop.Token))
                {
                    if (e.Sequence <= before)
                    {
                        continue;
                    }

                    seen.Add(e);
                    if (seen.OfType<CallbackAttemptEvent>().Count(a => a.EventType == "delivered") == 2)
                    {
                        everyDelivery.TrySetResult();
                    }
                }
            },
            Ct);

        var answer = await harness.SendTextAsync(user.Id, "hello");
        await everyDelivery.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader);

        var call = Assert.Single(seen.OfType<ApiCallEvent>());
        Assert.Equal(ViberApiMethods.SendMessage, call.Method);
        Assert.Equal(ViberStatus.Ok, call.Status);
        Assert.Equal(user.Id, call.UserId);
        var message = Assert.Single(seen.OfType<ChatMessageEvent>());
        Assert.Equal(ChatDirection.BotToUser, message.Message.Direction);
        Assert.Equal(answer.MessageToken, message.Message.MessageToken);
        Assert.All(seen.OfType<CallbackAttemptEvent>(), a => Assert.Equal(200, a.HttpStatus));
        Assert.Equal(seen.Select(e => e.Sequence).Order(), seen.Select(e => e.Sequence));
    }

    [Fact]
    public async Task History_can_be_replayed_to_a_late_subscriber()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.SubscribedUserAsync();
        var expected = harness.Emulator.Events.Select(e => e.Sequence).ToList();

        var replayed = new List<long>();
        await foreach (var e in harness.Emulator.Subscribe(includeHistory: true, Ct))
        {
            replayed.Add(e.Sequence);
            if (replayed.Count == expected.Count)
            {
                break;
            }
        }

        Assert.Equal(expected, replayed);
    }

    [Fact]
    public async Task A_wait_finds_an_event_already_in_history_and_times_out_with_a_message()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var set = await harness.Emulator.WaitForEventAsync<WebhookChangedEvent>(cancellationToken: Ct);
        var webhook = await harness.Emulator.WaitForWebhookAsync(cancellationToken: Ct);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(
            () => harness.Emulator.WaitForEventAsync<ApiCallEvent>(e => e.Method == "get_online", TimeSpan.FromMilliseconds(20), Ct));

        Assert.Equal(new Uri(EmulatorHarness.WebhookUrl), set.Url);
        Assert.Equal(set.Url, webhook);
        Assert.Contains(nameof(ApiCallEvent), timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_end_when_the_emulator_is_disposed()
    {
        var harness = await EmulatorHarness.StartAsync();
        var reader = Task.Run(
            async () =>
            {
                var count = 0;
                await foreach (var _ in harness.Emulator.Subscribe(includeHistory: true, Ct))
                {
                    count++;
                }

                return count;
            },
            Ct);
        await harness.SubscribedUserAsync();

        await harness.DisposeAsync();

        // The subscription ends on its own, after every event published before the emulator stopped.
        Assert.Equal(harness.Emulator.Events.Count, await reader.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task A_subscriber_joining_while_events_are_published_reads_the_history_then_live_events_with_no_reordering()
    {
        // While one thread publishes without pause, each new subscriber must read 1, 2, 3, ... in order: the history
        // it joins with, then the live events, never a live event ahead of the history it follows.
        const int MaxPublished = 500_000;
        const int Subscribers = 20;
        var feed = new EventFeed(TimeProvider.System, historyLimit: MaxPublished);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var publisher = Task.Run(
            () =>
            {
                for (var i = 0; i < MaxPublished && !stop.IsCancellationRequested; i++)
                {
                    feed.Publish(new WebhookChangedEvent());
                }
            },
            Ct);

        var joinedMidway = 0;
        for (var subscriber = 0; subscriber < Subscribers && !publisher.IsCompleted; subscriber++)
        {
            // Read past the history the subscriber joins with, into the live events, but never past the last event
            // the publisher will send: on a busy machine it can finish between the check above and this line, and a
            // subscriber waiting for events that never come hung the test until its timeout.
            var readUntil = Math.Min(feed.LastSequence + 1_000, MaxPublished);
            joinedMidway++;
            var expected = 1L;
            await foreach (var e in feed.SubscribeAsync(includeHistory: true, Ct))
            {
                Assert.Equal(expected++, e.Sequence);
                if (e.Sequence >= readUntil)
                {
                    break;
                }
            }
        }

        await stop.CancelAsync();
        await publisher;
        Assert.True(joinedMidway > 1, $"Only {joinedMidway} subscriber(s) joined while events were being published.");
    }
}
