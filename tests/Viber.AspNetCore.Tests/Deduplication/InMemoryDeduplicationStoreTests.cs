using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Deduplication;

/// <summary>The default store: claim, complete, release; bounded in time (TimeProvider) and in size.</summary>
public sealed class InMemoryDeduplicationStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly CancellationToken None = CancellationToken.None;

    private static InMemoryViberDeduplicationStore Create(FakeTimeProvider time, int capacity = 100)
        => new(Options.Create(new ViberBotOptions { DeduplicationCapacity = capacity }), time);

    [Fact]
    public async Task A_key_is_claimed_once_in_progress_until_completed_then_a_duplicate()
    {
        var store = Create(new FakeTimeProvider());

        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("k", Window, None));
        Assert.Equal(ViberDeduplicationClaim.InProgress, await store.TryClaimAsync("k", Window, None));
        await store.CompleteAsync("k", Window, None);
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("k", Window, None));
    }

    [Fact]
    public async Task A_released_key_can_be_claimed_again()
    {
        var store = Create(new FakeTimeProvider());
        await store.TryClaimAsync("k", Window, None);

        await store.ReleaseAsync("k", None);

        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("k", Window, None));
    }

    [Fact]
    public async Task A_completed_key_is_forgotten_after_its_window()
    {
        var time = new FakeTimeProvider();
        var store = Create(time);
        await store.TryClaimAsync("k", Window, None);
        await store.CompleteAsync("k", Window, None);

        time.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("k", Window, None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("k", Window, None));
    }

    [Fact]
    public async Task The_window_of_a_completed_key_counts_from_completion()
    {
        var time = new FakeTimeProvider();
        var store = Create(time);
        await store.TryClaimAsync("k", Window, None);
        time.Advance(Window - TimeSpan.FromSeconds(1));
        await store.CompleteAsync("k", Window, None);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("k", Window, None));
    }

    [Fact]
    public async Task Beyond_its_capacity_the_oldest_keys_are_forgotten_first()
    {
        var store = Create(new FakeTimeProvider(), capacity: 3);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await store.TryClaimAsync(key, Window, None);
            await store.CompleteAsync(key, Window, None);
        }

        Assert.Equal(3, store.Count);
        Assert.Equal(ViberDeduplicationClaim.Completed, await store.TryClaimAsync("d", Window, None));
        Assert.Equal(ViberDeduplicationClaim.Claimed, await store.TryClaimAsync("a", Window, None));
    }

    [Fact]
    public async Task Expired_keys_are_purged_so_the_store_does_not_grow()
    {
        var time = new FakeTimeProvider();
        var store = Create(time);
        for (var i = 0; i < 50; i++)
        {
            await store.TryClaimAsync($"k{i}", Window, None);
        }

        time.Advance(Window);
        await store.TryClaimAsync("fresh", Window, None);

        Assert.Equal(1, store.Count);
    }
}
