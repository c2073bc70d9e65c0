using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Viber.AspNetCore.Redis.Broadcast;

/// <summary>
/// A granted broadcast permit. Disposing it (the client does once the request is answered) starts the permit's
/// window: Viber counts the request when it arrives, which is no later than the answer, so counting one window from
/// the answer keeps every window Viber sees within the budget however long the request took.
/// </summary>
internal sealed class RedisViberBroadcastLease(IDatabase? database, RedisKey key, RedisValue[] members) : RateLimitLease
{
    // Moves this lease's members from "in flight" (scored ahead) to "sent now": their window starts at Redis' clock.
    // XX updates only members still there. Fire and forget: disposal cannot wait, and a lost update only keeps the
    // permit counted until its in-flight hold ends, which errs on the safe side.
    private const string SentScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        for _, member in ipairs(ARGV) do
          redis.call('ZADD', KEYS[1], 'XX', now, member)
        end
        return 0
        """;

    private int _disposed;

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && database is not null && members.Length > 0 && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            database.ScriptEvaluate(SentScript, [key], members, CommandFlags.FireAndForget);
        }

        base.Dispose(disposing);
    }
}
