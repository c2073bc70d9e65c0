using Microsoft.Extensions.Time.Testing;
using Viber.Api.Messages;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

/// <summary>Broadcasts to receivers read as the requests go out: memory, progress, pacing as Viber counts it, and bad ids mid-stream.</summary>
public sealed class StreamedBroadcastTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sequence_is_enumerated_once_and_read_at_most_one_request_ahead()
    {
        var receivers = new CountingReceivers(1000);
        var pulledAtRequest = new List<int>();
        var handler = new RecordingHandler(_ =>
        {
            pulledAtRequest.Add(receivers.Pulled);
            return RecordingHandler.Json(TestClient.SendOk());
        });

        var result = await TestClient.Create(handler, o => o.BroadcastConcurrency = 1).BroadcastMessageAsync(Message(), receivers, Ct);

        Assert.Equal(1, receivers.Enumerations);
        Assert.Equal([300, 600, 900, 1000], pulledAtRequest);
        Assert.Equal([300, 300, 300, 100], handler.Requests.Select(r => r.StringArray("broadcast_list").Count));
        Assert.Equal(1000, result.ReceiverCount);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task An_async_stream_is_read_one_request_ahead_in_order()
    {
        var receivers = new CountingReceivers(650);
        var pulledAtRequest = new List<int>();
        var handler = new RecordingHandler(_ =>
        {
            pulledAtRequest.Add(receivers.Pulled);
            return RecordingHandler.Json(TestClient.SendOk());
        });

        var result = await TestClient.Create(handler, o => o.BroadcastConcurrency = 1).BroadcastMessageAsync(Message(), (IAsyncEnumerable<string>)receivers, cancellationToken: Ct);

        Assert.Equal(1, receivers.Enumerations);
        Assert.Equal([300, 600, 650], pulledAtRequest);
        Assert.Equal(Enumerable.Range(0, 650).Select(i => $"r-{i}"), handler.Requests.SelectMany(r => r.StringArray("broadcast_list")));
        Assert.Equal(650, result.SucceededCount);
    }

    [Fact]
    public async Task An_empty_stream_is_rejected()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        var ex = await Assert.ThrowsAsync<ViberValidationException>(
            () => TestClient.Create(handler).BroadcastMessageAsync(Message(), (IAsyncEnumerable<string>)new CountingReceivers(0), cancellationToken: Ct));

        Assert.Equal("broadcast_list", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_blank_id_before_the_first_request_throws_and_nothing_is_sent()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var receivers = new CountingReceivers(1000, i => i == 299 ? " " : $"r-{i}");

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).BroadcastMessageAsync(Message(), receivers, Ct));

        Assert.Equal("broadcast_list[299]", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_blank_id_later_in_a_stream_is_reported_as_failed_and_the_rest_go_out()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var receivers = new CountingReceivers(700, i => i == 450 ? null : $"r-{i}");

        var result = await TestClient.Create(handler).BroadcastMessageAsync(Message(), receivers, Ct);

        var failure = Assert.Single(result.Failed);
        Assert.Null(failure.Receiver);
        Assert.Equal(ViberBotClient.BroadcastReceiverInvalidStatus, failure.Status);
        Assert.Contains("broadcast_list[450]", failure.StatusMessage, StringComparison.Ordinal);
        Assert.Equal([300, 299, 100], handler.Requests.Select(r => r.StringArray("broadcast_list").Count));
        Assert.Equal(700, result.ReceiverCount);
        Assert.Equal(699, result.SucceededCount);
    }

    [Fact]
    public async Task A_request_over_30_KB_later_in_a_stream_is_reported_as_failed_and_the_rest_go_out()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        // The second request's ids are 110 characters long: 300 of them make it too large to send.
        var longId = new string('x', 110);
        var receivers = new CountingReceivers(700, i => i is >= 300 and < 600 ? $"{i}{longId}" : $"r-{i}");

        var result = await TestClient.Create(handler).BroadcastMessageAsync(Message(), receivers, Ct);

        Assert.Equal(300, result.Failed.Count);
        Assert.All(result.Failed, f => Assert.Equal(ViberBotClient.BroadcastReceiverInvalidStatus, f.Status));
        Assert.Equal([300, 100], handler.Requests.Select(r => r.StringArray("broadcast_list").Count));
        Assert.Equal(400, result.SucceededCount);
    }

    [Fact]
    public async Task Progress_is_reported_after_every_request_with_the_time_the_pacing_leaves()
    {
        var time = new FakeTimeProvider();
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        // One request at a time: each window's requests are answered before the clock moves on.
        var client = TestClient.Create(handler, o => (o.BroadcastRequestsPerWindow, o.BroadcastWindow, o.BroadcastConcurrency) = (2, TimeSpan.FromSeconds(10), 1), time);
        var progress = new ListProgress();

        // A list: its count is known, so the time left can be estimated. 5 requests at 2 per 10 s: the last goes at 20 s.
        var broadcast = client.BroadcastMessageAsync(Message(), Receivers(1500), new ViberBroadcastOptions { Progress = progress }, Ct);
        for (var window = 0; window < 2; window++)
        {
            await BroadcastTests.WaitUntilQueuedAsync(client, broadcast);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var result = await broadcast.WaitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.True(result.AllSucceeded);
        var reports = progress.Reports.ToList();
        Assert.Equal([1, 2, 3, 4, 5], reports.Select(r => r.Requests));
        Assert.Equal([300, 600, 900, 1200, 1500], reports.Select(r => r.Succeeded));
        Assert.All(reports, r => Assert.Equal(1500, r.TotalReceivers));
        Assert.Equal([20d, 20d, 10d, 10d, 0d], reports.Select(r => r.EstimatedTimeLeft!.Value.TotalSeconds));
        Assert.Equal(1d, reports[^1].Fraction);
    }

    [Fact]
    public async Task A_stream_without_a_count_reports_no_time_left_and_one_given_is_used()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var client = TestClient.Create(handler);
        var unknown = new ListProgress();
        var counted = new ListProgress();

        await client.BroadcastMessageAsync(Message(), (IEnumerable<string>)new CountingReceivers(400), new ViberBroadcastOptions { Progress = unknown }, Ct);
        await client.BroadcastMessageAsync(Message(), (IAsyncEnumerable<string>)new CountingReceivers(400), new ViberBroadcastOptions { Progress = counted, ReceiverCount = 400 }, Ct);

        Assert.All(unknown.Reports, r => Assert.Null(r.EstimatedTimeLeft));
        Assert.All(unknown.Reports, r => Assert.Null(r.Fraction));
        Assert.Equal([0.75, 1d], counted.Reports.Select(r => r.Fraction));
        Assert.Equal(TimeSpan.Zero, counted.Reports.Last().EstimatedTimeLeft);
    }

    [Fact]
    public async Task A_permit_is_counted_from_the_answer_so_Viber_never_sees_two_requests_closer_than_a_window()
    {
        // One request per 10 s; the first takes 5 s to be answered. Counted from when it was sent, the second could
        // go at 10 s and, quicker to arrive, reach Viber less than 10 s after the first did.
        var time = new FakeTimeProvider();
        var arrivals = new List<DateTimeOffset>();
        var handler = new RecordingHandler(request =>
        {
            arrivals.Add(time.GetUtcNow());
            if (request.Index == 0)
            {
                time.Advance(TimeSpan.FromSeconds(5));
            }

            return RecordingHandler.Json(TestClient.SendOk());
        });
        var client = TestClient.Create(handler, o => (o.BroadcastRequestsPerWindow, o.BroadcastWindow) = (1, TimeSpan.FromSeconds(10)), time);

        var broadcast = client.BroadcastMessageAsync(Message(), Receivers(600), Ct);
        await BroadcastTests.WaitUntilQueuedAsync(client, broadcast);
        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.Single(handler.Requests);
        time.Advance(TimeSpan.FromTicks(1));
        await broadcast.WaitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(2, arrivals.Count);
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(10), $"{arrivals[1] - arrivals[0]}");
    }

    private static TextMessage Message() => new() { Text = "Hi" };

    private static List<string> Receivers(int count) => [.. Enumerable.Range(0, count).Select(i => $"r-{i}")];
}
