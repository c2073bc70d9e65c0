using System.Text;
using Viber.AspNetCore.Redis.Tests.Support;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Redis.Tests.Users;

/// <summary>
/// The shared get_user_details store: two instances (two connections) see one answer and one quota, counted
/// atomically, against a real redis-server.
/// </summary>
public sealed class RedisUserDetailsStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Window = ViberUserDetailsOptions.QuotaWindow;
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_kept_by_one_instance_is_read_by_another_with_its_time_to_live()
    {
        await using var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        var json = Encoding.UTF8.GetBytes("""{"id":"user-1","name":"John McClane"}""");

        Assert.Null(await b.UserDetails.GetAsync("user-1", Cancel));
        await a.UserDetails.SetAsync("user-1", new ViberStoredUserDetails(json, T0), TimeSpan.FromDays(7), Cancel);
        var read = await b.UserDetails.GetAsync("user-1", Cancel);

        Assert.NotNull(read);
        Assert.Equal(json, read.Json.ToArray());
        Assert.Equal(T0, read.FetchedAt);
        var ttl = await a.Database.KeyTimeToLiveAsync(_prefix + "user:user-1:details");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromDays(6), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Concurrent_calls_from_two_instances_are_granted_exactly_the_limit()
    {
        await using var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);

        var permits = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? a : b).UserDetails.TryRecordCallAsync("user-2", T0.AddMilliseconds(i), 2, Window, Cancel).AsTask()));

        Assert.Equal(2, permits.Count(permit => permit.Granted));
        var refused = permits.Where(permit => !permit.Granted).ToArray();
        Assert.Equal(38, refused.Length);

        // The next call is allowed when the oldest granted call leaves the window.
        Assert.All(refused, permit => Assert.InRange(permit.NextCallAt!.Value, T0 + Window, T0.AddMilliseconds(40) + Window));
        var ttl = await a.Database.KeyTimeToLiveAsync(_prefix + "user:user-2:calls");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromTicks(1), Window);
    }

    [Fact]
    public async Task A_call_leaves_the_window_exactly_one_window_after_it_was_made()
    {
        await using var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);

        Assert.True((await a.UserDetails.TryRecordCallAsync("user-3", T0, 2, Window, Cancel)).Granted);
        Assert.True((await b.UserDetails.TryRecordCallAsync("user-3", T0.AddHours(1), 2, Window, Cancel)).Granted);
        var spent = await a.UserDetails.TryRecordCallAsync("user-3", T0.AddHours(2), 2, Window, Cancel);
        var justBefore = await b.UserDetails.TryRecordCallAsync("user-3", T0 + Window - TimeSpan.FromMilliseconds(1), 2, Window, Cancel);
        var atTheEdge = await b.UserDetails.TryRecordCallAsync("user-3", T0 + Window, 2, Window, Cancel);

        Assert.False(spent.Granted);
        Assert.Equal(T0 + Window, spent.NextCallAt);
        Assert.False(justBefore.Granted);
        Assert.True(atTheEdge.Granted);

        // Other users have their own count.
        Assert.True((await a.UserDetails.TryRecordCallAsync("user-4", T0.AddHours(2), 2, Window, Cancel)).Granted);
    }
}
