using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using Viber.Api.Client;
using Viber.Api.Messages;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class ViberBroadcastRateLimiterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_permit_disposed_at_once_counts_for_one_window_from_when_it_was_taken()
    {
        var time = new FakeTimeProvider();
        using var limiter = new ViberBroadcastRateLimiter(2, TimeSpan.FromSeconds(10), time);

        limiter.AttemptAcquire().Dispose();
        time.Advance(TimeSpan.FromSeconds(4));
        limiter.AttemptAcquire().Dispose();
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        // The first permit returns at 10 s, the second at 14 s: a sliding window, not an aligned one.
        time.Advance(TimeSpan.FromSeconds(6) - TimeSpan.FromTicks(1));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task Waiters_are_served_in_order_when_permits_return()
    {
        var time = new FakeTimeProvider();
        using var limiter = new ViberBroadcastRateLimiter(1, TimeSpan.FromSeconds(10), time);
        var held = await limiter.AcquireAsync(1, Ct);
        Assert.True(held.IsAcquired);
        held.Dispose();

        var first = limiter.AcquireAsync(1, Ct).AsTask();
        var second = limiter.AcquireAsync(1, Ct).AsTask();
        Assert.Equal(2, limiter.GetStatistics()!.CurrentQueuedCount);

        time.Advance(TimeSpan.FromSeconds(10));
        var firstLease = await first.WaitAsync(TimeSpan.FromMinutes(1), Ct);
        Assert.True(firstLease.IsAcquired);
        firstLease.Dispose();
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await second.WaitAsync(TimeSpan.FromMinutes(1), Ct)).IsAcquired);
    }

    [Fact]
    public void A_permit_returns_one_window_after_its_lease_is_disposed_not_after_it_was_taken()
    {
        // Viber counts a request when it arrives, somewhere between sending and the answer: counting the permit from
        // the answer keeps the next request that uses it a full window after the previous one, as Viber sees them.
        var time = new FakeTimeProvider();
        using var limiter = new ViberBroadcastRateLimiter(1, TimeSpan.FromSeconds(10), time);

        var lease = limiter.AttemptAcquire();
        Assert.True(lease.IsAcquired);
        time.Advance(TimeSpan.FromSeconds(3));
        lease.Dispose();
        lease.Dispose();

        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task Clients_given_one_limiter_share_the_budget_and_do_not_dispose_it()
    {
        var time = new FakeTimeProvider();
        using var limiter = new ViberBroadcastRateLimiter(2, TimeSpan.FromSeconds(10), time);
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var first = new ViberBotClient(new HttpClient(handler), TestClient.Options(), time, limiter);
        var second = new ViberBotClient(new HttpClient(handler), TestClient.Options(), time, limiter);

        await first.BroadcastMessageAsync(new TextMessage { Text = "a" }, ["u1"], Ct);
        await second.BroadcastMessageAsync(new TextMessage { Text = "b" }, ["u2"], Ct);
        var third = first.BroadcastMessageAsync(new TextMessage { Text = "c" }, ["u3"], Ct);
        first.Dispose();

        Assert.False(third.IsCompleted);
        Assert.Equal(2, handler.Requests.Count);
        time.Advance(TimeSpan.FromSeconds(10));
        await third;
        Assert.Equal(3, handler.Requests.Count);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task A_refused_permit_is_retried_as_status_12_then_reported_without_sending()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        using var held = limiter.AttemptAcquire();
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var client = new ViberBotClient(new HttpClient(handler), TestClient.Options(o => o.MaxRetryAttempts = 2), new FakeTimeProvider(), limiter);

        var result = await client.BroadcastMessageAsync(new TextMessage { Text = "x" }, ["u1", "u2"], Ct);

        Assert.Empty(handler.Requests);
        Assert.Equal(["u1", "u2"], result.Failed.Select(f => f.Receiver));
        Assert.All(result.Failed, f => Assert.Equal(ViberStatus.TooManyRequests, f.Status));
        Assert.Empty(result.MessageTokens);
    }
}
