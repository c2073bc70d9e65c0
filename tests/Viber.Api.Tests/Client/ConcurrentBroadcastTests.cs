using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Viber.Api.Messages;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

/// <summary>
/// Broadcasts with several broadcast_message requests in flight (<see cref="ViberBotClientOptions.BroadcastConcurrency"/>):
/// held requests show how many go at once, the limiter still paces them, and results, cancellation and progress stay right.
/// </summary>
public sealed class ConcurrentBroadcastTests
{
    // Only bounds a wait for a signal, so a broken client fails the test instead of hanging it; nothing is timed.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Up_to_the_concurrency_requests_are_in_flight_at_once_never_more_and_the_list_is_read_no_further_ahead()
    {
        var receivers = new CountingReceivers(3000);
        var held = new HeldResponses(request => RecordingHandler.Json(TestClient.SendOk(ChunkOf(request))));
        var handler = new RecordingHandler(held.RespondAsync);

        var broadcast = TestClient.Create(handler, o => o.BroadcastConcurrency = 4).BroadcastMessageAsync(Message(), receivers, Ct);

        await held.WaitForHeldAsync(4, Ct).WaitAsync(Guard, Ct);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(1200, receivers.Pulled);

        // One answer frees one slot: one more request, 300 more receivers read.
        held.Release(held.Held[1]);
        await handler.WaitForRequestsAsync(5, Ct).WaitAsync(Guard, Ct);
        await held.WaitForHeldAsync(4, Ct).WaitAsync(Guard, Ct);
        Assert.Equal(1500, receivers.Pulled);

        held.ReleaseAll();
        var result = await broadcast.WaitAsync(Guard, Ct);

        Assert.Equal(4, held.MaxHeld);
        Assert.Equal(1, receivers.Enumerations);
        Assert.Equal(10, handler.Requests.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), result.MessageTokens);
        Assert.Equal(3000, result.ReceiverCount);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task With_requests_in_flight_the_limiter_still_caps_the_requests_in_any_window()
    {
        var time = new FakeTimeProvider();
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        var handler = new RecordingHandler(_ =>
        {
            arrivals.Enqueue(time.GetUtcNow());
            return RecordingHandler.Json(TestClient.SendOk());
        });
        var progress = new ListProgress();
        var client = TestClient.Create(handler, o => (o.BroadcastRequestsPerWindow, o.BroadcastWindow, o.BroadcastConcurrency) = (3, TimeSpan.FromSeconds(10), 8), time);

        // 7 requests, all in flight at once: 3 get a permit, the other 4 wait for one together.
        var broadcast = client.BroadcastMessageAsync(Message(), Receivers(2100), new ViberBroadcastOptions { Progress = progress }, Ct);

        await progress.WaitForReportsAsync(3, Ct).WaitAsync(Guard, Ct);
        await WaitUntilQueuedAsync(client, 4, broadcast);
        Assert.Equal(3, handler.Requests.Count);

        time.Advance(TimeSpan.FromSeconds(10));
        await progress.WaitForReportsAsync(6, Ct).WaitAsync(Guard, Ct);
        await WaitUntilQueuedAsync(client, 1, broadcast);
        Assert.Equal(6, handler.Requests.Count);

        time.Advance(TimeSpan.FromSeconds(10));
        var result = await broadcast.WaitAsync(Guard, Ct);

        Assert.True(result.AllSucceeded);
        var times = arrivals.ToList();
        Assert.Equal(7, times.Count);
        for (var i = 0; i + 3 < times.Count; i++)
        {
            Assert.True(times[i + 3] - times[i] >= TimeSpan.FromSeconds(10), $"requests {i} and {i + 3}: {times[i + 3] - times[i]}");
        }
    }

    [Fact]
    public async Task Answers_in_any_order_aggregate_every_request_once_in_request_order_with_a_failed_request_in_the_middle()
    {
        var held = new HeldResponses(request =>
        {
            var chunk = ChunkOf(request);
            var first = request.StringArray("broadcast_list")[0];
            return chunk == 3
                ? RecordingHandler.Json(TestClient.Failure(19, "cannotSendBroadcast"))
                : RecordingHandler.Json(TestClient.Ok($$""","message_token":{{chunk}},"failed_list":[{"receiver":"{{first}}","status":6,"status_message":"Not subscribed"}]"""));
        });
        var handler = new RecordingHandler(held.RespondAsync);
        var progress = new ListProgress();
        var receivers = Receivers(2400);

        var broadcast = TestClient.Create(handler, o => o.BroadcastConcurrency = 4)
            .BroadcastMessageAsync(Message(), receivers, new ViberBroadcastOptions { Progress = progress }, Ct);

        // The first four are answered last first; the next four, once all are out, last first too.
        await held.WaitForHeldAsync(4, Ct).WaitAsync(Guard, Ct);
        held.Release(held.Held.Reverse());
        await handler.WaitForRequestsAsync(8, Ct).WaitAsync(Guard, Ct);
        await held.WaitForHeldAsync(4, Ct).WaitAsync(Guard, Ct);
        held.Release(held.Held.Reverse());
        var result = await broadcast.WaitAsync(Guard, Ct);

        Assert.Equal(8, handler.Requests.Select(r => r.StringArray("broadcast_list")[0]).Distinct().Count());
        Assert.Equal([0L, 1L, 2L, 4L, 5L, 6L, 7L], result.MessageTokens);
        string[] notSubscribed = ["r-0", "r-300", "r-600", "r-1200", "r-1500", "r-1800", "r-2100"];
        Assert.Equal([.. notSubscribed[..3], .. receivers[900..1200], .. notSubscribed[3..]], result.Failed.Select(f => f.Receiver));
        Assert.All(result.Failed.Where(f => f.Status == ViberStatus.CannotSendBroadcast), f => Assert.Equal("cannotSendBroadcast", f.StatusMessage));
        Assert.Equal(2400, result.ReceiverCount);
        Assert.Equal(2400 - 307, result.SucceededCount);
        var last = progress.Reports.Last();
        Assert.Equal((8, 2093, 307), (last.Requests, last.Succeeded, last.Failed));
    }

    [Fact]
    public async Task Cancellation_sends_no_more_requests_cancels_the_ones_in_flight_and_waits_for_them()
    {
        var held = new HeldResponses(_ => RecordingHandler.Json(TestClient.SendOk()));
        var handler = new RecordingHandler(held.RespondAsync);
        var client = TestClient.Create(handler, o => (o.BroadcastRequestsPerWindow, o.BroadcastConcurrency) = (2, 3));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // Two requests are out; the third waits for a permit.
        var broadcast = client.BroadcastMessageAsync(Message(), Receivers(3000), cts.Token);
        await held.WaitForHeldAsync(2, Ct).WaitAsync(Guard, Ct);
        await WaitUntilQueuedAsync(client, 1, broadcast);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => broadcast.WaitAsync(Guard, Ct));
        Assert.Equal(2, held.Ended);
        Assert.Empty(held.Held);
        Assert.Equal(0, client.BroadcastRateLimiter.GetStatistics()!.CurrentQueuedCount);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_error_that_is_not_a_failed_request_stops_the_broadcast_cancelling_the_requests_in_flight()
    {
        var held = new HeldResponses(_ => RecordingHandler.Json(TestClient.SendOk()));
        var handler = new RecordingHandler(held.RespondAsync);
        using var limiter = new FailingRateLimiter(failAt: 3);
        using var client = new ViberBotClient(new HttpClient(handler), TestClient.Options(o => o.BroadcastConcurrency = 4), new FakeTimeProvider(), limiter);

        var broadcast = client.BroadcastMessageAsync(Message(), Receivers(3000), Ct);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => broadcast.WaitAsync(Guard, Ct));
        Assert.Equal("The budget's store is down.", ex.Message);
        Assert.Equal(2, held.Ended);
        Assert.Empty(held.Held);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Progress_is_monotonic_one_report_per_request_and_the_time_left_counts_the_requests_in_flight()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponses(_ => RecordingHandler.Json(TestClient.SendOk()));
        var handler = new RecordingHandler(held.RespondAsync);
        var progress = new ListProgress();
        var client = TestClient.Create(handler, o => o.BroadcastConcurrency = 4, time);

        var broadcast = client.BroadcastMessageAsync(Message(), Receivers(3000), new ViberBroadcastOptions { Progress = progress }, Ct);

        // The first four requests take 1 s each; after the first answer 9 requests are left, 4 at a time: 3 s, not 9.
        await held.WaitForHeldAsync(4, Ct).WaitAsync(Guard, Ct);
        time.Advance(TimeSpan.FromSeconds(1));
        held.ReleaseAll();
        await broadcast.WaitAsync(Guard, Ct);

        var reports = progress.Reports.ToList();
        Assert.Equal(TimeSpan.FromSeconds(3), reports[0].EstimatedTimeLeft);
        Assert.Equal(Enumerable.Range(1, 10), reports.Select(r => r.Requests));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 300), reports.Select(r => r.Succeeded));
        Assert.Equal(TimeSpan.Zero, reports[^1].EstimatedTimeLeft);
    }

    [Fact]
    public async Task Concurrency_1_sends_one_request_after_another_reading_one_request_ahead()
    {
        var receivers = new CountingReceivers(900);
        var held = new HeldResponses(request => RecordingHandler.Json(TestClient.SendOk(ChunkOf(request))));
        var handler = new RecordingHandler(held.RespondAsync);

        var broadcast = TestClient.Create(handler, o => o.BroadcastConcurrency = 1).BroadcastMessageAsync(Message(), receivers, Ct);

        for (var i = 0; i < 3; i++)
        {
            await held.WaitForHeldAsync(1, Ct).WaitAsync(Guard, Ct);
            Assert.Equal(i + 1, handler.Requests.Count);
            Assert.Equal(300 * (i + 1), receivers.Pulled);
            held.Release(i);
        }

        var result = await broadcast.WaitAsync(Guard, Ct);
        Assert.Equal(1, held.MaxHeld);
        Assert.Equal([0L, 1L, 2L], result.MessageTokens);
    }

    [Fact]
    public async Task A_broadcast_s_own_MaxConcurrency_caps_its_requests_in_flight_below_the_client_s()
    {
        var receivers = new CountingReceivers(1500);
        var held = new HeldResponses(request => RecordingHandler.Json(TestClient.SendOk(ChunkOf(request))));
        var handler = new RecordingHandler(held.RespondAsync);

        var broadcast = TestClient.Create(handler, o => o.BroadcastConcurrency = 16)
            .BroadcastMessageAsync(Message(), (IAsyncEnumerable<string>)receivers, new ViberBroadcastOptions { MaxConcurrency = 2 }, Ct);

        await held.WaitForHeldAsync(2, Ct).WaitAsync(Guard, Ct);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(600, receivers.Pulled);

        held.ReleaseAll();
        var result = await broadcast.WaitAsync(Guard, Ct);
        Assert.Equal(2, held.MaxHeld);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), result.MessageTokens);
        Assert.True(result.AllSucceeded);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    public async Task A_MaxConcurrency_under_1_throws_before_anything_is_read_or_sent(int concurrency, bool stream)
    {
        var receivers = new CountingReceivers(600);
        var handler = new RecordingHandler(_ => RecordingHandler.Json(TestClient.SendOk(0)));
        var client = TestClient.Create(handler);
        var options = new ViberBroadcastOptions { MaxConcurrency = concurrency };

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stream
            ? client.BroadcastMessageAsync(Message(), (IAsyncEnumerable<string>)receivers, options, Ct)
            : client.BroadcastMessageAsync(Message(), (IEnumerable<string>)receivers, options, Ct));

        Assert.Contains("MaxConcurrency", ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
        Assert.Equal(0, receivers.Pulled);
    }

    // Which 300-receiver chunk a request carries, from its first receiver ("r-900" is chunk 3).
    private static int ChunkOf(RecordingHandler.Request request)
        => int.Parse(request.StringArray("broadcast_list")[0].AsSpan(2), CultureInfo.InvariantCulture) / ViberBotClient.MaxBroadcastReceiversPerRequest;

    // The limiter raises no event when it queues a request: poll its statistics (yielding on the thread pool).
    private static async Task WaitUntilQueuedAsync(ViberBotClient client, int count, Task broadcast)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(Guard);
        await Task.Run(
            async () =>
            {
                while (client.BroadcastRateLimiter.GetStatistics()!.CurrentQueuedCount < count && !broadcast.IsCompleted)
                {
                    guard.Token.ThrowIfCancellationRequested();
                    await Task.Yield();
                }
            },
            guard.Token);
        Assert.False(broadcast.IsCompleted, "The broadcast ended without waiting for the window.");
    }

    private static TextMessage Message() => new() { Text = "Hi" };

    private static List<string> Receivers(int count) => [.. Enumerable.Range(0, count).Select(i => $"r-{i}")];
}
