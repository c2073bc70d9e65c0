using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests;

/// <summary>The store's contract, as the in-memory store defines it, against a real redis-server.</summary>
public sealed class RedisDeduplicationStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private static readonly string Claim = ViberDeduplicationClaimToken.New();
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A retry of a key whose claim nobody completes or releases: Redis expires the claim on its own clock, so the retry
    // is polled for, with no assumption about when. Returns the first answer other than "in progress".
    private static Task<ViberDeduplicationClaim> RetryUntilExpiredAsync(StoreHost host, string key, string claimToken)
        => Eventually.PollAsync(
            () => host.Store.TryClaimAsync(key, claimToken, Window, Cancel).AsTask(),
            claim => claim != ViberDeduplicationClaim.InProgress,
            "the claim to expire");

    [Fact]
    public async Task A_claimed_key_once_completed_is_a_duplicate_for_the_window()
    {
        await using var host = await StoreHost.StartAsync(redis.ConnectionString, _prefix);

        var first = await host.Store.TryClaimAsync("message:1", Claim, Window, Cancel);
        await host.Store.CompleteAsync("message:1", Claim, Window, Cancel);
        var retry = await host.Store.TryClaimAsync("message:1", Claim, Window, Cancel);

        Assert.Equal(ViberDeduplicationClaim.Claimed, first);
        Assert.Equal(ViberDeduplicationClaim.Completed, retry);
        Assert.Equal("done", await host.ValueAsync("message:1"));

        // The window, not the claim timeout, now bounds the key's life.
        var ttl = await host.TimeToLiveAsync("message:1");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, host.Options.ClaimTimeout, Window);
    }

    [Fact]
    public async Task A_key_being_handled_answers_in_progress_and_expires_after_the_claim_timeout()
    {
        await using var host = await StoreHost.StartAsync(redis.ConnectionString, _prefix);

        var first = await host.Store.TryClaimAsync("message:2", Claim, Window, Cancel);
        var overtaking = await host.Store.TryClaimAsync("message:2", Claim, Window, Cancel);

        Assert.Equal(ViberDeduplicationClaim.Claimed, first);
        Assert.Equal(ViberDeduplicationClaim.InProgress, overtaking);
        Assert.Equal("in-progress:" + Claim, await host.ValueAsync("message:2"));
        var ttl = await host.TimeToLiveAsync("message:2");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromTicks(1), host.Options.ClaimTimeout);
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_instance_expires_so_a_retry_runs()
    {
        await using var host = await StoreHost.StartAsync(redis.ConnectionString, _prefix, claimTimeout: TimeSpan.FromMilliseconds(300));

        // Claimed and never completed nor released, as by an instance that died mid-callback.
        Assert.Equal(ViberDeduplicationClaim.Claimed, await host.Store.TryClaimAsync("message:3", Claim, Window, Cancel));

        var retry = await RetryUntilExpiredAsync(host, "message:3", Claim);
        Assert.Equal(ViberDeduplicationClaim.Claimed, retry);
    }

    [Fact]
    public async Task Release_lets_a_retry_claim_the_key_again()
    {
        await using var host = await StoreHost.StartAsync(redis.ConnectionString, _prefix);

        await host.Store.TryClaimAsync("message:4", Claim, Window, Cancel);
        await host.Store.ReleaseAsync("message:4", Claim, Cancel);

        Assert.Null(await host.ValueAsync("message:4"));
        Assert.Equal(ViberDeduplicationClaim.Claimed, await host.Store.TryClaimAsync("message:4", Claim, Window, Cancel));
    }

    [Fact]
    public async Task Release_never_forgets_a_completed_key()
    {
        await using var host = await StoreHost.StartAsync(redis.ConnectionString, _prefix);

        await host.Store.TryClaimAsync("message:5", Claim, Window, Cancel);
        await host.Store.CompleteAsync("message:5", Claim, Window, Cancel);
        await host.Store.ReleaseAsync("message:5", Claim, Cancel);

        Assert.Equal(ViberDeduplicationClaim.Completed, await host.Store.TryClaimAsync("message:5", Claim, Window, Cancel));
    }

    [Fact]
    public async Task Exactly_one_of_200_concurrent_claims_from_two_instances_wins()
    {
        await using var a = await StoreHost.StartAsync(redis.ConnectionString, _prefix);
        await using var b = await StoreHost.StartAsync(redis.ConnectionString, _prefix);

        var claims = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Store.TryClaimAsync("message:6", Claim, Window, Cancel).AsTask(), Cancel)));

        Assert.Single(claims, claim => claim == ViberDeduplicationClaim.Claimed);
        Assert.Equal(199, claims.Count(claim => claim == ViberDeduplicationClaim.InProgress));
    }

    [Fact]
    public async Task Keys_live_under_the_prefix_so_two_prefixes_do_not_see_each_other()
    {
        await using var a = await StoreHost.StartAsync(redis.ConnectionString, _prefix + "a:");
        await using var b = await StoreHost.StartAsync(redis.ConnectionString, _prefix + "b:");

        await a.Store.TryClaimAsync("message:7", Claim, Window, Cancel);

        Assert.True(await a.Database.KeyExistsAsync(_prefix + "a:message:7"));
        Assert.Equal(ViberDeduplicationClaim.Claimed, await b.Store.TryClaimAsync("message:7", Claim, Window, Cancel));
    }

    [Fact]
    public async Task A_cancelled_claim_claims_nothing()
    {
        await using var host = await StoreHost.StartAsync(redis.ConnectionString, _prefix);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Store.TryClaimAsync("message:8", Claim, Window, cancelled.Token).AsTask());

        Assert.Null(await host.ValueAsync("message:8"));
    }

    [Fact]
    public async Task A_handler_slower_than_the_claim_timeout_neither_releases_nor_completes_the_newer_claim_of_another_instance()
    {
        await using var slow = await StoreHost.StartAsync(redis.ConnectionString, _prefix, claimTimeout: TimeSpan.FromMilliseconds(300));
        await using var other = await StoreHost.StartAsync(redis.ConnectionString, _prefix);
        var slowClaim = ViberDeduplicationClaimToken.New();
        var newerClaim = ViberDeduplicationClaimToken.New();
        Assert.Equal(ViberDeduplicationClaim.Claimed, await slow.Store.TryClaimAsync("message:9", slowClaim, Window, Cancel));

        // The slow handler is still running when its claim expires and Viber's retry reaches the other instance.
        var retry = await RetryUntilExpiredAsync(other, "message:9", newerClaim);
        Assert.Equal(ViberDeduplicationClaim.Claimed, retry);

        var released = await slow.Store.ReleaseAsync("message:9", slowClaim, Cancel);
        var completed = await slow.Store.CompleteAsync("message:9", slowClaim, Window, Cancel);

        Assert.False(released);
        Assert.False(completed);
        Assert.Equal("in-progress:" + newerClaim, await other.ValueAsync("message:9"));
        Assert.Equal(ViberDeduplicationClaim.InProgress, await other.Store.TryClaimAsync("message:9", ViberDeduplicationClaimToken.New(), Window, Cancel));

        // The newer claim's owner still completes it.
        Assert.True(await other.Store.CompleteAsync("message:9", newerClaim, Window, Cancel));
        Assert.Equal("done", await other.ValueAsync("message:9"));
    }

    [Fact]
    public async Task A_completion_after_the_claim_expired_with_no_newer_claim_records_the_key()
    {
        await using var host = await StoreHost.StartAsync(redis.ConnectionString, _prefix, claimTimeout: TimeSpan.FromMilliseconds(200));
        await host.Store.TryClaimAsync("message:10", Claim, Window, Cancel);
        await Eventually.PollAsync(() => host.ValueAsync("message:10"), value => value is null, "the claim to expire");

        Assert.True(await host.Store.CompleteAsync("message:10", Claim, Window, Cancel));

        Assert.Equal(ViberDeduplicationClaim.Completed, await host.Store.TryClaimAsync("message:10", ViberDeduplicationClaimToken.New(), Window, Cancel));
    }

    [Fact]
    public async Task A_stale_completion_leaves_a_completed_key_completed_and_release_cannot_free_it()
    {
        await using var host = await StoreHost.StartAsync(redis.ConnectionString, _prefix);
        await host.Store.TryClaimAsync("message:11", Claim, Window, Cancel);
        await host.Store.CompleteAsync("message:11", Claim, Window, Cancel);

        Assert.True(await host.Store.CompleteAsync("message:11", ViberDeduplicationClaimToken.New(), Window, Cancel));
        Assert.False(await host.Store.ReleaseAsync("message:11", Claim, Cancel));
        Assert.Equal("done", await host.ValueAsync("message:11"));
    }
}
