using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class ViberBotClientRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, Func<HttpResponseMessage>> TransientFailures => new()
    {
        { "HTTP 429", () => RecordingHandler.Status(HttpStatusCode.TooManyRequests) },
        { "HTTP 500", () => RecordingHandler.Status(HttpStatusCode.InternalServerError) },
        { "HTTP 503", () => RecordingHandler.Status(HttpStatusCode.ServiceUnavailable) },
        { "status 12", () => RecordingHandler.Json(TestClient.Failure(12, "tooManyRequests")) },
        { "transport error", () => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset") },
    };

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task A_transient_failure_is_retried_until_success(string name, Func<HttpResponseMessage> failure)
    {
        Assert.NotEmpty(name);
        var handler = RecordingHandler.Sequence(failure, failure, () => RecordingHandler.Json(TestClient.SendOk(42)));

        var response = await TestClient.Create(handler).SendMessageAsync(TestClient.Text(), Ct);

        Assert.Equal(42, response.MessageToken);
        Assert.Equal(3, handler.Requests.Count);

        // Each attempt sends a fresh copy of the same body.
        Assert.All(handler.Requests, r => Assert.Equal(handler.Requests[0].Body, r.Body));
        Assert.All(handler.Requests, r => Assert.Equal(TestClient.Token, r.AuthToken));
    }

    [Fact]
    public async Task Retry_exhaustion_on_status_12_throws_the_last_ViberApiException()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Failure(12, "tooManyRequests"));

        var ex = await Assert.ThrowsAsync<ViberApiException>(() => TestClient.Create(handler, o => o.MaxRetryAttempts = 2).SendMessageAsync(TestClient.Text(), Ct));

        Assert.Equal(ViberStatus.TooManyRequests, ex.Status);
        Assert.Equal(3, handler.Requests.Count);
        ViberBotClientErrorTests.AssertNoToken(ex);
    }

    [Fact]
    public async Task Retry_exhaustion_on_HTTP_5xx_throws_the_HTTP_error()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Status(HttpStatusCode.BadGateway));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => TestClient.Create(handler, o => o.MaxRetryAttempts = 3).GetAccountInfoAsync(Ct));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Contains("get_account_info failed with HTTP 502", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(3)]
    [InlineData(2)]
    public async Task A_non_transient_status_is_not_retried(int status)
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Failure(status, "no"));

        var ex = await Assert.ThrowsAsync<ViberApiException>(() => TestClient.Create(handler).SendMessageAsync(TestClient.Text(), Ct));

        Assert.Equal((ViberStatus)status, ex.Status);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Retry_After_on_429_is_honoured()
    {
        var time = new SignalingTimeProvider();
        var handler = RecordingHandler.Sequence(
            () => TooManyRequestsRetryAfter(TimeSpan.FromSeconds(5)),
            () => RecordingHandler.Json(TestClient.SendOk()));
        var call = TestClient.Create(handler, timeProvider: time).SendMessageAsync(TestClient.Text(), Ct);

        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5), Ct).EndsBefore(call);
        await AssertRetriedExactlyAfter(TimeSpan.FromSeconds(5), time, handler, call);
    }

    [Fact]
    public async Task The_backoff_delay_is_capped_by_RetryMaxDelay_and_waits_for_the_clock()
    {
        var time = new SignalingTimeProvider();
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Status(HttpStatusCode.ServiceUnavailable), () => RecordingHandler.Json(TestClient.Ok()));
        var client = TestClient.Create(
            handler,
            o =>
            {
                (o.RetryBaseDelay, o.RetryMaxDelay) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

                // Without timeouts the retry delay is the only timer.
                (o.AttemptTimeout, o.TotalTimeout) = (Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            },
            time);
        var call = client.GetAccountInfoAsync(Ct);

        var delay = await time.WaitForTimerAsync(_ => true, Ct).EndsBefore(call);
        Assert.InRange(delay, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2));
        await AssertRetriedExactlyAfter(delay, time, handler, call);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried_and_surfaces_as_OperationCanceledException()
    {
        var handler = new RecordingHandler((_, token) => RecordingHandler.HangAsync(token));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var call = TestClient.Create(handler).SendMessageAsync(TestClient.Text(), cts.Token);

        await handler.WaitForRequestsAsync(1, Ct).EndsBefore(call);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_during_a_retry_delay_stops_the_call()
    {
        var time = new SignalingTimeProvider();
        var handler = new RecordingHandler(_ => TooManyRequestsRetryAfter(TimeSpan.FromSeconds(7)));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var call = TestClient.Create(handler, timeProvider: time).GetAccountInfoAsync(cts.Token);

        await time.WaitForTimerAsync(TimeSpan.FromSeconds(7), Ct).EndsBefore(call);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_attempt_timeout_is_retried()
    {
        var time = new FakeTimeProvider();
        var handler = new RecordingHandler((request, token) => request.Index == 0
            ? RecordingHandler.HangAsync(token)
            : Task.FromResult(RecordingHandler.Json(TestClient.SendOk(7))));
        var call = TestClient.Create(handler, o => o.AttemptTimeout = TimeSpan.FromSeconds(5), time).SendMessageAsync(TestClient.Text(), Ct);

        // The attempt's timeout timer exists once the request reached the handler.
        await handler.WaitForRequestsAsync(1, Ct).EndsBefore(call);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(7, (await call).MessageToken);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task The_total_timeout_bounds_attempts_and_retries()
    {
        var time = new FakeTimeProvider();
        var handler = new RecordingHandler((_, token) => RecordingHandler.HangAsync(token));
        var client = TestClient.Create(
            handler,
            o => (o.MaxRetryAttempts, o.AttemptTimeout, o.TotalTimeout) = (5, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12)),
            time);
        var call = client.GetAccountInfoAsync(Ct);

        await handler.WaitForRequestsAsync(1, Ct).EndsBefore(call);
        time.Advance(TimeSpan.FromSeconds(5));
        await handler.WaitForRequestsAsync(2, Ct).EndsBefore(call);
        time.Advance(TimeSpan.FromSeconds(5));
        await handler.WaitForRequestsAsync(3, Ct).EndsBefore(call);
        time.Advance(TimeSpan.FromSeconds(2));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("get_account_info timed out after 12 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_retry_delay_longer_than_what_is_left_of_the_total_timeout_ends_the_call_at_the_total()
    {
        // A Retry-After of 60 s against a total of 12 s: the call waits out the total, not the minute, then fails
        // with the total timeout, and sends nothing more.
        var time = new SignalingTimeProvider();
        var handler = new RecordingHandler(_ => TooManyRequestsRetryAfter(TimeSpan.FromSeconds(60)));
        var call = TestClient.Create(handler, o => (o.AttemptTimeout, o.TotalTimeout) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12)), time)
            .SendMessageAsync(TestClient.Text(), Ct);

        // Bounded in real time: a client that waits for the minute (or for nothing) fails the test instead of hanging it.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(30));
        await time.WaitForTimerAsync(due => due >= TimeSpan.FromSeconds(12), bounded.Token).EndsBefore(call);
        time.Advance(TimeSpan.FromSeconds(12) - TimeSpan.FromTicks(1));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(bounded.Token));
        Assert.Contains("send_message timed out after 12 s", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_attempt_timeout_without_retries_throws_TimeoutException()
    {
        var time = new FakeTimeProvider();
        var handler = new RecordingHandler((_, token) => RecordingHandler.HangAsync(token));
        var call = TestClient.Create(handler, o => (o.MaxRetryAttempts, o.AttemptTimeout) = (0, TimeSpan.FromSeconds(3)), time).GetOnlineAsync(["u"], Ct);

        await handler.WaitForRequestsAsync(1, Ct).EndsBefore(call);
        time.Advance(TimeSpan.FromSeconds(3));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("get_online", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    private static HttpResponseMessage TooManyRequestsRetryAfter(TimeSpan retryAfter)
    {
        var response = RecordingHandler.Status(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
        return response;
    }

    // The retry delay is scheduled: one tick before it nothing is sent again, at it the second attempt goes out.
    private static async Task AssertRetriedExactlyAfter(TimeSpan delay, FakeTimeProvider time, RecordingHandler handler, Task call)
    {
        time.Advance(delay - TimeSpan.FromTicks(1));
        Assert.Single(handler.Requests);
        Assert.False(call.IsCompleted);

        time.Advance(TimeSpan.FromTicks(1));
        await call;
        Assert.Equal(2, handler.Requests.Count);
    }
}
