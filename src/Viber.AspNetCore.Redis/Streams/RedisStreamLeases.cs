using StackExchange.Redis;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// Which partitions this instance works on. A partition is read by the holder of its lease only (a Redis key with
/// the consumer name, expiring after <see cref="RedisViberStreamOptions.LeaseTimeout"/> unless renewed), so each
/// partition's callbacks run one at a time across all instances. Instances register in a sorted set with a heartbeat
/// and each holds at most its share of the partitions (rounded up): a new instance gets partitions as the others give
/// up their surplus between two callbacks.
/// </summary>
internal sealed class RedisStreamLeases(RedisStreamLayout layout)
{
    // Registers this instance, forgets instances silent for a lease timeout (by Redis' clock, the same for all), and
    // answers how many are alive.
    private const string HeartbeatScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return redis.call('ZCARD', KEYS[1])
        """;

    private readonly int[] _held = new int[layout.Partitions];
    private readonly long _leaseMilliseconds = (long)Math.Ceiling(layout.Options.LeaseTimeout.TotalMilliseconds);
    private int _heldCount;

    // No partition is taken before the first heartbeat tells how many instances share them.
    private int _share;

    /// <summary>Gets how many partitions this instance may hold now.</summary>
    public int Share => Volatile.Read(ref _share);

    public bool IsHeld(int partition) => Volatile.Read(ref _held[partition]) == 1;

    /// <summary>Takes the partition's lease if this instance is under its share and nobody holds it.</summary>
    public async Task<bool> TryAcquireAsync(IDatabase database, int partition)
    {
        if (Volatile.Read(ref _heldCount) >= Share)
        {
            return false;
        }

        var consumer = layout.Consumer;
        if (!await database.StringSetAsync(layout.Lease(partition), consumer, TimeSpan.FromMilliseconds(_leaseMilliseconds), When.NotExists).ConfigureAwait(false))
        {
            // A stable consumer name may find its own lease from before a restart.
            if (await database.StringGetAsync(layout.Lease(partition)).ConfigureAwait(false) != consumer)
            {
                return false;
            }
        }

        Interlocked.Exchange(ref _held[partition], 1);
        Interlocked.Increment(ref _heldCount);
        return true;
    }

    /// <summary>
    /// Tells whether this instance holds more than its share and this partition should be given up now (between two
    /// callbacks). At most the surplus is given up, however many workers ask at once.
    /// </summary>
    public bool ShouldYield(int partition)
    {
        while (true)
        {
            var held = Volatile.Read(ref _heldCount);
            if (held <= Share || !IsHeld(partition))
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _heldCount, held - 1, held) == held)
            {
                Interlocked.Exchange(ref _held[partition], 0);
                return true;
            }
        }
    }

    /// <summary>Deletes the lease if it is still this instance's (after <see cref="ShouldYield"/>, or on a graceful stop).</summary>
    public async Task ReleaseAsync(IDatabase database, int partition)
    {
        MarkLost(partition);
        await RedisOwnedKey.ReleaseAsync(database, layout.Lease(partition), layout.Consumer).ConfigureAwait(false);
    }

    /// <summary>Marks a partition as not held (its lease expired or went to another instance).</summary>
    /// <returns>Whether it was held.</returns>
    public bool MarkLost(int partition)
    {
        if (Interlocked.Exchange(ref _held[partition], 0) == 1)
        {
            Interlocked.Decrement(ref _heldCount);
            return true;
        }

        return false;
    }

    /// <summary>Sends the heartbeat and recomputes the share of partitions.</summary>
    public async Task HeartbeatAsync(IDatabase database)
    {
        var alive = (long)await database.ScriptEvaluateAsync(HeartbeatScript, [layout.Instances], [layout.Consumer, _leaseMilliseconds]).ConfigureAwait(false);
        Volatile.Write(ref _share, (int)((layout.Partitions + Math.Max(1, alive) - 1) / Math.Max(1, alive)));
    }

    /// <summary>Renews every lease held; one that is no longer this instance's is marked lost.</summary>
    /// <returns>The partitions whose lease was lost.</returns>
    public async Task<IReadOnlyList<int>> RenewAsync(IDatabase database)
    {
        var held = Enumerable.Range(0, layout.Partitions).Where(IsHeld).ToArray();
        var renewed = await Task.WhenAll(held.Select(partition =>
            RedisOwnedKey.RenewAsync(database, layout.Lease(partition), layout.Consumer, _leaseMilliseconds))).ConfigureAwait(false);
        var lost = new List<int>();
        for (var i = 0; i < held.Length; i++)
        {
            if (!renewed[i] && MarkLost(held[i]))
            {
                lost.Add(held[i]);
            }
        }

        return lost;
    }

    /// <summary>Leaves the instance list on a graceful stop, so the others take over its share at once.</summary>
    public Task LeaveAsync(IDatabase database) => database.SortedSetRemoveAsync(layout.Instances, layout.Consumer);
}
