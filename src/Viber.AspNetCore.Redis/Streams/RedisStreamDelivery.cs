using StackExchange.Redis;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>A stream entry as delivered to this consumer.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Deliveries">Redis' delivery count, this delivery included.</param>
/// <param name="Claimed">Whether it was claimed from another consumer (XAUTOCLAIM).</param>
internal sealed record RedisStreamDelivery(StreamEntry Entry, long Deliveries, bool Claimed);
