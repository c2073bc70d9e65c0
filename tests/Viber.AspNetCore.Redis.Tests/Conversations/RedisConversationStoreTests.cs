using System.Text;
using Viber.AspNetCore.Conversations;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests.Conversations;

/// <summary>
/// The shared conversation store: values and the per-user lock across two instances (two connections), against a
/// real redis-server; the lock's lease renewed while held and expired when its holder is gone.
/// </summary>
public sealed class RedisConversationStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_value_written_by_one_instance_is_read_by_another_and_expires_with_the_conversation_expiry()
    {
        await using var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        var key = new ViberConversationKey("user-1");

        await a.Conversations.SetAsync(key, "step 2"u8.ToArray(), Cancel);

        Assert.Equal("step 2", Encoding.UTF8.GetString((await b.Conversations.GetAsync(key, Cancel))!));
        Assert.Null(await b.Conversations.GetAsync(new ViberConversationKey("user-1", "other-bot"), Cancel));
        var ttl = await a.Database.KeyTimeToLiveAsync(_prefix + "conversation:0::user-1");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(23), TimeSpan.FromDays(1));

        await b.Conversations.RemoveAsync(key, Cancel);
        Assert.Null(await a.Conversations.GetAsync(key, Cancel));
    }

    [Fact]
    public async Task Read_modify_write_under_the_lock_from_two_instances_loses_no_update()
    {
        await using var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        var key = new ViberConversationKey("user-2");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var store = (i % 2 == 0 ? a : b).Conversations;
            await using var held = await store.AcquireLockAsync(key, Cancel);
            var value = await store.GetAsync(key, Cancel);
            var count = value is null ? 0 : int.Parse(Encoding.UTF8.GetString(value), System.Globalization.CultureInfo.InvariantCulture);
            await Task.Yield();
            await store.SetAsync(key, Encoding.UTF8.GetBytes((count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), Cancel);
        })).WaitAsync(TimeSpan.FromMinutes(1), Cancel);

        Assert.Equal("40", Encoding.UTF8.GetString((await a.Conversations.GetAsync(key, Cancel))!));
        Assert.False(await a.Database.KeyExistsAsync(_prefix + "conversation:0::user-2:lock"));
    }

    [Fact]
    public async Task A_lock_held_on_one_instance_makes_another_time_out_until_it_is_released()
    {
        await using var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix, lockTimeout: TimeSpan.FromMilliseconds(200));
        var key = new ViberConversationKey("user-3", "shop");

        var held = await a.Conversations.AcquireLockAsync(key, Cancel);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(async () => await b.Conversations.AcquireLockAsync(key, Cancel));
        Assert.Contains("Viber:Conversations:LockTimeout", timeout.Message, StringComparison.Ordinal);

        // Another user is not blocked.
        await using (await b.Conversations.AcquireLockAsync(new ViberConversationKey("user-4", "shop"), Cancel))
        {
        }

        await held.DisposeAsync();
        await using var next = await b.Conversations.AcquireLockAsync(key, Cancel);
    }

    [Fact]
    public async Task A_lock_is_renewed_while_held_beyond_its_lease()
    {
        var lease = TimeSpan.FromMilliseconds(300);
        await using var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix, lockLease: lease);
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix, lockLease: lease, lockTimeout: TimeSpan.FromMilliseconds(100));
        var key = new ViberConversationKey("user-5");

        await using var held = await a.Conversations.AcquireLockAsync(key, Cancel);

        // Several leases pass; each attempt from the other instance still finds the lock taken.
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < lease * 4)
        {
            await Assert.ThrowsAsync<TimeoutException>(async () => await b.Conversations.AcquireLockAsync(key, Cancel));
        }

        Assert.DoesNotContain(a.Logs.GetSnapshot(), record => record.Id.Name is "ConversationLockLost" or "ConversationLockRenewalFailed");
    }

    [Fact]
    public async Task A_lock_left_by_a_crashed_instance_expires_after_its_lease()
    {
        var lease = TimeSpan.FromMilliseconds(300);
        var key = new ViberConversationKey("user-6");
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix, lockLease: lease, lockTimeout: TimeSpan.FromSeconds(30));
        var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix, lockLease: lease);
        var orphan = await a.Conversations.AcquireLockAsync(key, Cancel);

        // The instance is gone (its connection with it): nobody renews or releases the lock.
        await a.DisposeAsync();
        await using (await b.Conversations.AcquireLockAsync(key, Cancel).AsTask().WaitAsync(TimeSpan.FromMinutes(1), Cancel))
        {
            Assert.True(await b.Database.KeyExistsAsync(_prefix + "conversation:0::user-6:lock"));
        }

        Assert.False(await b.Database.KeyExistsAsync(_prefix + "conversation:0::user-6:lock"));

        // Disposing the dead holder's lock late throws nothing (the lease already freed it).
        await orphan.DisposeAsync();
    }

    [Fact]
    public async Task A_holder_whose_lock_expired_releases_nothing_of_the_next_holder()
    {
        await using var a = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        await using var b = await SharedStoresHost.StartAsync(redis.ConnectionString, _prefix);
        var key = new ViberConversationKey("user-7");
        var lockKey = _prefix + "conversation:0::user-7:lock";

        var stale = await a.Conversations.AcquireLockAsync(key, Cancel);

        // As if the lease ran out while Redis was unreachable from A.
        await a.Database.KeyDeleteAsync(lockKey);
        await using var current = await b.Conversations.AcquireLockAsync(key, Cancel);
        var owner = await b.Database.StringGetAsync(lockKey);
        await stale.DisposeAsync();

        Assert.Equal(owner, await b.Database.StringGetAsync(lockKey));
    }
}
