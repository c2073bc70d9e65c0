using System.Diagnostics;
using System.Globalization;
using Viber.AspNetCore.Background;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// The durable background queue: a callback is appended to its partition's stream (XADD) before the webhook answers
/// 200. A full stream answers <see cref="ViberEnqueueResult.Full"/> (503) instead of trimming entries not yet handled;
/// a Redis error propagates, so the webhook answers 503 and Viber retries.
/// </summary>
internal sealed class RedisStreamQueue(RedisViberConnection connection, RedisStreamLayout layout, RedisStreamSignals signals) : IViberBackgroundQueue
{
    // The length check and the append are one atomic step. MAXLEN is the same bound: with the check before it, it
    // never trims, and documents the bound on the stream itself. Returns false when the stream is full.
    private const string AppendScript = """
        if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then
          return false
        end
        return redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'body', ARGV[2], 'key', ARGV[3], 'traceparent', ARGV[4], 'event', ARGV[5], 'token', ARGV[6], 'claim', ARGV[7])
        """;

    /// <inheritdoc />
    /// <remarks>
    /// Cancellation is honoured only before the command is sent: an append abandoned in flight could still land,
    /// and its callback would be handled although the webhook answered 503 (Viber's retry is then a duplicate).
    /// </remarks>
    public async ValueTask<ViberEnqueueResult> EnqueueAsync(ViberWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var partition = layout.PartitionOf(item.Callback.GetUserId(), item.Key);
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var id = await database.ScriptEvaluateAsync(
            AppendScript,
            [layout.Stream(partition)],
            [
                layout.Options.MaxLength,
                item.Body,
                item.Key,
                TraceParent(item.Parent),
                item.Callback.Event,
                item.Callback.MessageToken?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                item.ClaimToken,
            ]).ConfigureAwait(false);
        if (id.IsNull)
        {
            return ViberEnqueueResult.Full;
        }

        signals.Signal(partition);
        return ViberEnqueueResult.Queued;
    }

    /// <summary>The W3C traceparent of a context, so the worker (maybe on another instance) continues the trace.</summary>
    internal static string TraceParent(ActivityContext context)
        => context == default
            ? string.Empty
            : $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";
}
