using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Tests.Users;

public sealed class InMemoryUserDetailsStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(12);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_are_counted_in_a_sliding_window_per_user()
    {
        var store = Create();
        var start = _time.GetUtcNow();

        var first = await store.TryRecordCallAsync("user-1", start, 2, Window, Ct);
        var second = await store.TryRecordCallAsync("user-1", start + TimeSpan.FromHours(1), 2, Window, Ct);
        var third = await store.TryRecordCallAsync("user-1", start + TimeSpan.FromHours(2), 2, Window, Ct);
        var otherUser = await store.TryRecordCallAsync("user-2", start + TimeSpan.FromHours(2), 2, Window, Ct);
        var afterFirstLeft = await store.TryRecordCallAsync("user-1", start + Window, 2, Window, Ct);

        Assert.True(first.Granted);
        Assert.True(second.Granted);
        Assert.False(third.Granted);
        Assert.Equal(start + Window, third.NextCallAt);
        Assert.True(otherUser.Granted);
        Assert.True(afterFirstLeft.Granted);
    }

    [Fact]
    public async Task An_answer_is_kept_for_its_time_to_live_and_as_a_copy()
    {
        var store = Create();
        var json = "{\"id\":\"user-1\"}"u8.ToArray();

        await store.SetAsync("user-1", new ViberStoredUserDetails(json, _time.GetUtcNow()), TimeSpan.FromHours(1), Ct);
        json[0] = (byte)'X';
        var kept = await store.GetAsync("user-1", Ct);
        _time.Advance(TimeSpan.FromHours(1));
        var expired = await store.GetAsync("user-1", Ct);

        Assert.Equal("{\"id\":\"user-1\"}"u8.ToArray(), kept?.Json.ToArray());
        Assert.Null(expired);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Past_the_capacity_the_user_touched_longest_ago_is_forgotten()
    {
        var store = Create(capacity: 2);
        var now = _time.GetUtcNow();

        await store.SetAsync("user-1", new ViberStoredUserDetails("{}"u8.ToArray(), now), TimeSpan.FromDays(1), Ct);
        await store.SetAsync("user-2", new ViberStoredUserDetails("{}"u8.ToArray(), now), TimeSpan.FromDays(1), Ct);
        await store.TryRecordCallAsync("user-1", now, 2, Window, Ct);
        await store.SetAsync("user-3", new ViberStoredUserDetails("{}"u8.ToArray(), now), TimeSpan.FromDays(1), Ct);

        Assert.Equal(2, store.Count);
        Assert.NotNull(await store.GetAsync("user-1", Ct));
        Assert.Null(await store.GetAsync("user-2", Ct));
        Assert.NotNull(await store.GetAsync("user-3", Ct));
    }

    private InMemoryViberUserDetailsStore Create(int capacity = 100)
        => new(Options.Create(new ViberUserDetailsOptions { Capacity = capacity }), _time);
}
