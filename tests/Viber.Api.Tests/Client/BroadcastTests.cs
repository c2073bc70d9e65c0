using System.Net;
using Microsoft.Extensions.Time.Testing;
using Viber.Api.Messages;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class BroadcastTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Receivers_are_split_into_requests_of_at_most_300_in_order()
    {
        var receivers = Receivers(650);
        var handler = new RecordingHandler(request => RecordingHandler.Json(TestClient.SendOk(1000 + request.Index)));

        var result = await TestClient.Create(handler).BroadcastMessageAsync(Message(), receivers, Ct);

        Assert.Equal([300, 300, 50], handler.Requests.Select(r => r.StringArray("broadcast_list").Count));
        Assert.Equal(receivers, handler.Requests.SelectMany(r => r.StringArray("broadcast_list")));
        Assert.All(handler.Requests, r =>
        {
            Assert.EndsWith("/broadcast_message", r.Uri.AbsolutePath, StringComparison.Ordinal);
            Assert.Equal("Hi replace_me_with_user_name", r.Json.GetProperty("text").GetString());
            Assert.Equal("Default Bot", r.Json.GetProperty("sender").GetProperty("name").GetString());
            Assert.False(r.Json.TryGetProperty("receiver", out _));
        });
        Assert.Equal([1000L, 1001L, 1002L], result.MessageTokens);
        Assert.Equal(650, result.ReceiverCount);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task Receivers_are_kept_as_given_including_duplicates()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        await TestClient.Create(handler).BroadcastMessageAsync(Message(), ["b", "a", "b"], Ct);

        Assert.Equal(["b", "a", "b"], handler.Requests[0].StringArray("broadcast_list"));
    }

    [Fact]
    public async Task Failed_list_entries_of_every_request_are_aggregated()
    {
        var handler = new RecordingHandler(request => request.Index == 0
            ? RecordingHandler.Json(Fixtures.Read("response_broadcast_message_failed_list.json"))
            : RecordingHandler.Json(TestClient.Ok("""
                ,"message_token":2,"failed_list":[{"receiver":"r-400","status":6,"status_message":"Not subscribed"}]
                """)));

        var result = await TestClient.Create(handler).BroadcastMessageAsync(Message(), Receivers(450), Ct);

        Assert.Equal(["pttm25kSGUo1919sBORWyA==", "EGAZ3SZRi6zW1D0uNYhQHg==", "r-400"], result.Failed.Select(f => f.Receiver));
        Assert.Equal([ViberStatus.ReceiverNotSubscribed, ViberStatus.ReceiverNotRegistered, ViberStatus.ReceiverNotSubscribed], result.Failed.Select(f => f.Status));
        Assert.Equal([40808912438712L, 2L], result.MessageTokens);
        Assert.False(result.AllSucceeded);
        Assert.Equal(447, result.SucceededCount);
    }

    [Fact]
    public async Task A_request_Viber_rejects_lists_all_its_receivers_and_the_others_still_go_out()
    {
        var receivers = Receivers(650);
        var handler = new RecordingHandler(request => request.Index == 1
            ? RecordingHandler.Json(TestClient.Failure(19, "cannotSendBroadcast"))
            : RecordingHandler.Json(TestClient.SendOk(request.Index)));

        var result = await TestClient.Create(handler).BroadcastMessageAsync(Message(), receivers, Ct);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal([0L, 2L], result.MessageTokens);
        Assert.Equal(receivers.Skip(300).Take(300), result.Failed.Select(f => f.Receiver));
        Assert.All(result.Failed, f =>
        {
            Assert.Equal(ViberStatus.CannotSendBroadcast, f.Status);
            Assert.Equal("cannotSendBroadcast", f.StatusMessage);
        });
        Assert.Equal(350, result.SucceededCount);
    }

    [Fact]
    public async Task A_request_that_fails_at_the_HTTP_level_after_retries_is_reported_not_thrown()
    {
        var handler = new RecordingHandler(request => request.StringArray("broadcast_list")[0] == "r-0"
            ? RecordingHandler.Status(HttpStatusCode.ServiceUnavailable)
            : RecordingHandler.Json(TestClient.SendOk(9)));

        var result = await TestClient.Create(handler, o => o.MaxRetryAttempts = 2).BroadcastMessageAsync(Message(), Receivers(301), Ct);

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal([9L], result.MessageTokens);
        Assert.Equal(300, result.Failed.Count);
        Assert.All(result.Failed, f =>
        {
            Assert.Equal(ViberBotClient.BroadcastRequestFailedStatus, f.Status);
            Assert.False(f.Status.IsDocumented());
            Assert.Contains("HTTP 503", f.StatusMessage, StringComparison.Ordinal);
            Assert.DoesNotContain(TestClient.Token, f.StatusMessage, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_request_whose_connection_fails_after_retries_is_reported_with_the_error_not_thrown()
    {
        // The attempt's exception travels in Polly's outcome: retried like a thrown one, then reported for the chunk.
        var handler = new RecordingHandler(request => request.StringArray("broadcast_list")[0] == "r-0"
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")
            : RecordingHandler.Json(TestClient.SendOk(9)));

        var result = await TestClient.Create(handler, o => o.MaxRetryAttempts = 2).BroadcastMessageAsync(Message(), Receivers(301), Ct);

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal([9L], result.MessageTokens);
        Assert.Equal(300, result.Failed.Count);
        Assert.All(result.Failed, f =>
        {
            Assert.Equal(ViberBotClient.BroadcastRequestFailedStatus, f.Status);
            Assert.Contains("connection refused", f.StatusMessage, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_chunk_retried_on_status_12_succeeds()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json(TestClient.Failure(12, "tooManyRequests")), () => RecordingHandler.Json(TestClient.SendOk(5)));

        var result = await TestClient.Create(handler).BroadcastMessageAsync(Message(), ["a"], Ct);

        Assert.Equal(2, handler.Requests.Count);
        Assert.True(result.AllSucceeded);
        Assert.Equal([5L], result.MessageTokens);
    }

    [Fact]
    public async Task Requests_are_paced_to_the_window_with_the_client_clock()
    {
        var time = new FakeTimeProvider();
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var client = TestClient.Create(handler, o => (o.BroadcastRequestsPerWindow, o.BroadcastWindow) = (2, TimeSpan.FromSeconds(10)), time);

        var broadcast = client.BroadcastMessageAsync(Message(), Receivers(650), Ct);

        await handler.WaitForRequestsAsync(2, Ct).EndsBefore(broadcast);
        await WaitUntilQueuedAsync(client, broadcast);
        Assert.Equal(2, handler.Requests.Count);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(1, client.BroadcastRateLimiter.GetStatistics()!.CurrentQueuedCount);
        Assert.Equal(2, handler.Requests.Count);

        time.Advance(TimeSpan.FromSeconds(1));
        var result = await broadcast;
        Assert.Equal(3, handler.Requests.Count);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task Concurrent_broadcasts_of_one_client_share_the_budget()
    {
        var time = new FakeTimeProvider();
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var client = TestClient.Create(handler, o => (o.BroadcastRequestsPerWindow, o.BroadcastWindow) = (2, TimeSpan.FromSeconds(10)), time);

        var broadcasts = Enumerable.Range(0, 3).Select(i => client.BroadcastMessageAsync(Message(), [$"user-{i}"], Ct)).ToList();

        await handler.WaitForRequestsAsync(2, Ct);
        await WaitUntilQueuedAsync(client, Task.WhenAll(broadcasts));
        Assert.Equal(2, handler.Requests.Count);

        time.Advance(TimeSpan.FromSeconds(10));
        await Task.WhenAll(broadcasts);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Other_calls_are_not_paced_by_the_broadcast_limit()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var client = TestClient.Create(handler, o => o.BroadcastRequestsPerWindow = 1);

        await client.BroadcastMessageAsync(Message(), ["a"], Ct);
        await client.SendMessageAsync(TestClient.Text(), Ct);
        await client.GetAccountInfoAsync(Ct);

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_throws_and_stops_the_remaining_requests()
    {
        var handler = new RecordingHandler((request, token) => request.Index == 1
            ? RecordingHandler.HangAsync(token)
            : Task.FromResult(RecordingHandler.Json(TestClient.SendOk())));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // One request at a time, so the third is never sent while the second hangs (ConcurrentBroadcastTests has the rest).
        var broadcast = TestClient.Create(handler, o => o.BroadcastConcurrency = 1).BroadcastMessageAsync(Message(), Receivers(900), cts.Token);

        await handler.WaitForRequestsAsync(2, Ct).EndsBefore(broadcast);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => broadcast);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(null, "broadcast_list[1]")]
    [InlineData("", "broadcast_list[1]")]
    public async Task A_null_or_empty_receiver_is_rejected_before_sending(string? receiver, string field)
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).BroadcastMessageAsync(Message(), ["a", receiver!], Ct));

        Assert.Equal(field, ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_empty_receiver_list_is_rejected()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).BroadcastMessageAsync(Message(), [], Ct));

        Assert.Equal("broadcast_list", ex.Field);
    }

    [Fact]
    public async Task A_broadcast_list_in_extension_data_is_rejected()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var message = Message();
        message.ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["broadcast_list"] = System.Text.Json.JsonDocument.Parse("[]").RootElement };

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).BroadcastMessageAsync(message, ["a"], Ct));

        Assert.Equal("broadcast_list", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_request_over_30_KB_is_rejected_before_any_is_sent()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        // 300 ids of 100 characters make the first request too large; the second, small one is not sent either.
        var receivers = Enumerable.Range(0, 301).Select(i => i.ToString("D100", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).BroadcastMessageAsync(Message(), receivers, Ct));

        Assert.Equal("(request)", ex.Field);
        Assert.Empty(handler.Requests);
    }

    private static TextMessage Message() => new() { Text = "Hi replace_me_with_user_name" };

    private static List<string> Receivers(int count) => [.. Enumerable.Range(0, count).Select(i => $"r-{i}")];

    // The broadcast reaches the limiter asynchronously after a response, and the limiter raises no event when it
    // queues a request: poll its statistics (yielding on the thread pool, not the test's context); no clock involved.
    internal static async Task WaitUntilQueuedAsync(ViberBotClient client, Task broadcast)
    {
        await Task.Run(
            async () =>
            {
                while (client.BroadcastRateLimiter.GetStatistics()!.CurrentQueuedCount == 0 && !broadcast.IsCompleted)
                {
                    await Task.Yield();
                }
            },
            Ct);
        Assert.False(broadcast.IsCompleted, "The broadcast ended without waiting for the window.");
    }
}
