using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// The names every instance agrees on (streams, leases, dead letters, instance list, consumer group) and the
/// partition of a callback: a hash of its user id that is the same in every process (string.GetHashCode is not).
/// </summary>
internal sealed class RedisStreamLayout
{
    private readonly RedisKey[] _streams;
    private readonly RedisKey[] _leases;

    public RedisStreamLayout(IOptions<RedisViberStreamOptions> options)
    {
        var value = options.Value;
        Options = value;
        _streams = [.. Enumerable.Range(0, value.Partitions).Select(partition => (RedisKey)(value.KeyPrefix + partition.ToString(CultureInfo.InvariantCulture)))];
        _leases = [.. _streams.Select(stream => (RedisKey)(stream.ToString() + ":lease"))];
        DeadLetters = value.KeyPrefix + "dead";
        Instances = value.KeyPrefix + "instances";
        Group = value.ConsumerGroup;
        Consumer = value.ConsumerName ?? string.Create(
            CultureInfo.InvariantCulture,
            $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");
    }

    public RedisViberStreamOptions Options { get; }

    public int Partitions => _streams.Length;

    /// <summary>Gets the dead-letter stream.</summary>
    public RedisKey DeadLetters { get; }

    /// <summary>Gets the sorted set of live instances (consumer name, last heartbeat in Redis time).</summary>
    public RedisKey Instances { get; }

    public RedisValue Group { get; }

    /// <summary>Gets this instance's consumer name.</summary>
    public string Consumer { get; }

    public RedisKey Stream(int partition) => _streams[partition];

    public RedisKey Lease(int partition) => _leases[partition];

    /// <summary>
    /// The partition of a callback: by user id, so one user's callbacks share a stream and keep their order; a
    /// callback about no user goes by its deduplication key.
    /// </summary>
    public int PartitionOf(string? userId, string key)
    {
        // FNV-1a over UTF-8: stable across processes and machines, which every instance's choice must be.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(userId ?? key))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)_streams.Length);
    }
}
