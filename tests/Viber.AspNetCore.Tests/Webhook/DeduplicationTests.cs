using System.Collections.Concurrent;
using System.Net;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>Viber re-sends a callback until it gets 200; each one is dispatched once.</summary>
public sealed class DeduplicationTests
{
    [Fact]
    public async Task A_retry_after_success_is_answered_200_and_not_dispatched_again()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text("once"));

        using var first = await bot.PostAsync(body);
        using var retry = await bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
        Assert.Single(bot.Logs.WithEvent("DuplicateCallback"));
    }

    [Fact]
    public async Task A_retry_after_a_failure_runs_the_handlers_again()
    {
        var attempts = 0;
        await using var bot = await TestBot.StartAsync(bot: b => b.On<MessageCallback, CallbackLog>((c, log, _) =>
        {
            log.Add("message", c);
            return Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("first try fails") : Task.CompletedTask;
        }));
        var body = Callbacks.Json(Callbacks.Text("again"));

        using var first = await bot.PostAsync(body);
        using var retry = await bot.PostAsync(body);
        using var third = await bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(2, bot.Callbacks.Entries.Count);
    }

    [Fact]
    public async Task Delivered_from_each_device_is_dispatched_and_a_retry_of_one_is_not()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var token = Callbacks.NextToken();
        var now = Callbacks.Now();
        var phone = Callbacks.Json(Callbacks.Delivered(token, "user-1", timestamp: now));
        var desktop = Callbacks.Json(Callbacks.Delivered(token, "user-1", timestamp: now + 450));

        using var a = await bot.PostAsync(phone);
        using var b = await bot.PostAsync(desktop);
        using var retry = await bot.PostAsync(phone);

        Assert.All([a, b, retry], response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal([now, now + 450], bot.Callbacks.Entries.Select(e => e.Callback.Timestamp));
    }

    [Fact]
    public async Task Seen_for_a_broadcast_is_dispatched_per_user()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var broadcastToken = Callbacks.NextToken();

        using var a = await bot.PostAsync(Callbacks.Seen(broadcastToken, "user-a"));
        using var b = await bot.PostAsync(Callbacks.Seen(broadcastToken, "user-b"));
        using var retry = await bot.PostAsync(Callbacks.Seen(broadcastToken, "user-a"));

        Assert.Equal(["user-a", "user-b"], bot.Callbacks.Entries.Select(e => ((SeenCallback)e.Callback).UserId));
    }

    [Fact]
    public async Task Different_events_with_one_message_token_are_each_dispatched()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var token = Callbacks.NextToken();

        using var delivered = await bot.PostAsync(Callbacks.Delivered(token));
        using var seen = await bot.PostAsync(Callbacks.Seen(token));
        using var failed = await bot.PostAsync(Callbacks.Failed(token));

        Assert.Equal(["delivered", "seen", "failed"], bot.Callbacks.Entries.Select(e => e.Callback.Event));
    }

    [Fact]
    public async Task Two_hundred_concurrent_distinct_callbacks_are_each_handled_exactly_once()
    {
        var handled = new ConcurrentDictionary<long, int>();
        await using var bot = await TestBot.StartAsync(bot: b => b.On<MessageCallback>((c, _, _) =>
        {
            handled.AddOrUpdate(c.MessageToken!.Value, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }));
        var bodies = Enumerable.Range(0, 200).Select(i => Callbacks.Json(Callbacks.Text($"message {i}", $"user-{i % 17}"))).ToList();

        // Each body is posted twice at once, as a retry racing the first delivery would be.
        var responses = await Task.WhenAll(bodies.Concat(bodies).Select(bot.PostAsync));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, r.StatusCode.ToString()));
        Assert.Equal(200, handled.Count);
        Assert.All(handled.Values, count => Assert.Equal(1, count));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
