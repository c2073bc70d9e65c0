using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Deduplication;

/// <summary>The default store: claim, complete, release; bounded in time (TimeProvider) and in size.</summary>
public sealed class InMemoryDeduplicationStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Claim = "claim-1";

    private static InMemoryViberDeduplicationStore Create(FakeTimeProvider time, int capacity = 100)
        => new(Options.Create(new ViberBotOptions { DeduplicationCapacity = capacity }), time);

    [Fact]
    public async Task A_key_is_claimed_once_in_progress_until_completed_then_a_duplicate()
    {
        var store = Create(new FakeTimeProvider());

        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("k", Claim, Window, None));
        Assert.Equal(ViberDeduplicationClaim.InProgress, await store.TryClaimAsync("k", Claim, Window, None));
        await store.CompleteAsync("k", Claim, Window, None);
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("k", Claim, Window, None));
    }

    [Fact]
    public async Task A_released_key_can_be_claimed_again()
    {
        var store = Create(new FakeTimeProvider());
        await store.TryClaimAsync("k", Claim, Window, None);

        await store.ReleaseAsync("k", Claim, None);

        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("k", Claim, Window, None));
    }

    [Fact]
    public async Task A_completed_key_is_forgotten_after_its_window()
    {
        var time = new FakeTimeProvider();
        var store = Create(time);
        await store.TryClaimAsync("k", Claim, Window, None);
        await store.CompleteAsync("k", Claim, Window, None);

        time.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("k", Claim, Window, None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("k", Claim, Window, None));
    }

    [Fact]
    public async Task The_window_of_a_completed_key_counts_from_completion()
    {
        var time = new FakeTimeProvider();
        var store = Create(time);
        await store.TryClaimAsync("k", Claim, Window, None);
        time.Advance(Window - TimeSpan.FromSeconds(1));
        await store.CompleteAsync("k", Claim, Window, None);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("k", Claim, Window, None));
    }

    [Fact]
    public async Task Beyond_its_capacity_the_oldest_keys_are_forgotten_first()
    {
        var store = Create(new FakeTimeProvider(), capacity: 3);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await store.TryClaimAsync(key, Claim, Window, None);
            await store.CompleteAsync(key, Claim, Window, None);
        }

        Assert.Equal(3, store.Count);
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("d", Claim, Window, None));
        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("a", Claim, Window, None));
    }

    [Fact]
    public async Task Expired_keys_are_purged_so_the_store_does_not_grow()
    {
        var time = new FakeTimeProvider();
        var store = Create(time);
        for (var i = 0; i < 50; i++)
        {
            await store.TryClaimAsync($"k{i}", Claim, Window, None);
        }

        time.Advance(Window);
        await store.TryClaimAsync("fresh", Claim, Window, None);

        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Only_the_claims_owner_releases_it()
    {
        var store = Create(new FakeTimeProvider());
        await store.TryClaimAsync("k", "newer", Window, None);

        Assert.False(await store.ReleaseAsync("k", "older", None));
        Assert.Equal(ViberDeduplicationClaim.InProgress, await store.TryClaimAsync("k", "third", Window, None));
        Assert.True(await store.ReleaseAsync("k", "newer", None));
        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("k", "third", Window, None));
    }

    [Fact]
    public async Task A_completion_with_another_claims_token_leaves_that_claim_in_progress()
    {
        var store = Create(new FakeTimeProvider());
        await store.TryClaimAsync("k", "newer", Window, None);

        Assert.False(await store.CompleteAsync("k", "older", Window, None));
        Assert.Equal(ViberDeduplicationClaim.InProgress, await store.TryClaimAsync("k", "third", Window, None));
    }

    [Fact]
    public async Task A_completion_of_a_key_nobody_holds_any_more_marks_it_handled()
    {
        // Evicted at capacity while its handlers ran: recording it keeps Viber's retry from running them again.
        var store = Create(new FakeTimeProvider(), capacity: 1);
        await store.TryClaimAsync("k", Claim, Window, None);
        await store.TryClaimAsync("other", "o", Window, None);

        Assert.True(await store.CompleteAsync("k", Claim, Window, None));
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("k", "retry", Window, None));
    }

    [Fact]
    public async Task Neither_release_nor_a_stale_completion_touches_a_completed_key()
    {
        var store = Create(new FakeTimeProvider());
        await store.TryClaimAsync("k", Claim, Window, None);
        await store.CompleteAsync("k", Claim, Window, None);

        Assert.False(await store.ReleaseAsync("k", Claim, None));
        Assert.True(await store.CompleteAsync("k", "older", Window, None));
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("k", "retry", Window, None));
    }

    [Fact]
    public async Task A_key_expires_on_time_even_behind_an_older_key_completed_later()
    {
        // The older key's completion moves its expiry past the newer one's: the newer one must still be forgotten
        // when its own window ends.
        var time = new FakeTimeProvider();
        var store = Create(time);
        await store.TryClaimAsync("older", Claim, Window, None);
        time.Advance(TimeSpan.FromMinutes(1));
        await store.TryClaimAsync("newer", Claim, Window, None);
        await store.CompleteAsync("newer", Claim, Window, None);
        time.Advance(TimeSpan.FromMinutes(8));
        await store.CompleteAsync("older", Claim, Window, None);

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("newer", "retry", Window, None));
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("older", "retry", Window, None));
    }

    [Fact]
    public async Task Thousands_of_keys_are_remembered_up_to_the_capacity_with_released_ones_forgotten()
    {
        // More keys than the store starts with room for, so it grows while claims are released here and there.
        const int capacity = 5000;
        var store = Create(new FakeTimeProvider(), capacity);
        for (var i = 0; i < capacity; i++)
        {
            await store.TryClaimAsync($"k{i}", $"c{i}", Window, None);
            if (i % 7 == 0)
            {
                Assert.True(await store.ReleaseAsync($"k{i}", $"c{i}", None));
            }
            else if (i % 2 == 0)
            {
                Assert.True(await store.CompleteAsync($"k{i}", $"c{i}", Window, None));
            }
        }

        for (var i = 0; i < capacity; i++)
        {
            var expected = i % 7 == 0 ? ViberDeduplicationClaim.Claimed
                : i % 2 == 0 ? ViberDeduplicationClaim.Completed
                : ViberDeduplicationClaim.InProgress;
            Assert.Equal(expected, await store.TryClaimAsync($"k{i}", "retry", Window, None));
        }

        // Claiming the released keys again filled the store: it never holds more than its capacity, and made room by
        // forgetting the oldest keys, not the newest.
        Assert.InRange(store.Count, 1, capacity);
        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("k1", "again", Window, None));
        Assert.Equal(ViberDeduplicationClaim.InProgress, await store.TryClaimAsync($"k{capacity - 1}", "again", Window, None));
    }
}
