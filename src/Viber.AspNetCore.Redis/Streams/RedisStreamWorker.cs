using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Handlers;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// Works on one partition stream while this instance holds its lease, one entry at a time, in stream order: first
/// its own unacknowledged entry (one that failed and is retried), then entries other consumers left unacknowledged
/// for <see cref="RedisViberStreamOptions.ClaimIdleTimeout"/> (XAUTOCLAIM), and only when neither is left, the next
/// new entry (XREADGROUP &gt;). An entry is acknowledged (and deleted) only after its handlers succeeded; one that
/// failed <see cref="RedisViberStreamOptions.MaxAttempts"/> deliveries goes to the dead-letter stream.
/// </summary>
internal sealed class RedisStreamWorker(
    RedisViberConnection connection,
    RedisStreamLayout layout,
    RedisStreamLeases leases,
    RedisStreamSignals signals,
    ViberCallbackProcessor processor,
    IViberDeduplicationStore store,
    IServiceScopeFactory scopeFactory,
    ViberMetrics metrics,
    IOptions<ViberBotOptions> botOptions,
    TimeProvider timeProvider,
    ILogger<RedisStreamWorker> logger)
{
    // Acknowledged and deleted together, so a stream's length is its backlog (what MaxLength bounds).
    private const string AcknowledgeScript = """
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        return redis.call('XDEL', KEYS[1], ARGV[2])
        """;

    private const string UnknownEvent = "unknown";

    // The longest wait between attempts while Redis keeps failing: 8 partitions then log at most 8 errors per 30 s.
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly RedisViberStreamOptions _options = layout.Options;

    // Entries whose handlers succeeded here but whose acknowledgement failed (Redis went away between the two). The
    // deduplication key's completion may be waiting to be written too, so the key alone cannot tell; delivered here
    // again, such an entry is acknowledged without running its handlers a second time.
    private readonly ConcurrentDictionary<(int Partition, string Id), bool> _handledNotAcknowledged = new();

    /// <summary>Runs the partition until <paramref name="stopping"/>; <paramref name="abort"/> cancels running handlers.</summary>
    public async Task RunAsync(int partition, CancellationToken stopping, CancellationToken abort)
    {
        var groupReady = false;
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var database = await connection.GetDatabaseAsync(stopping).ConfigureAwait(false);
                if (!groupReady)
                {
                    await EnsureGroupAsync(database, partition).ConfigureAwait(false);
                    groupReady = true;
                }

                if (!leases.IsHeld(partition))
                {
                    var acquired = await leases.TryAcquireAsync(database, partition).ConfigureAwait(false);
                    failures = 0;
                    if (!acquired)
                    {
                        await signals.WaitAsync(partition, _options.PollInterval, timeProvider, stopping).ConfigureAwait(false);
                        continue;
                    }

                    StreamLog.LeaseAcquired(logger, partition);
                }
                else if (leases.ShouldYield(partition))
                {
                    await leases.ReleaseAsync(database, partition).ConfigureAwait(false);
                    StreamLog.LeaseYielded(logger, partition, leases.Share);
                    continue;
                }

                var next = await NextAsync(database, partition).ConfigureAwait(false);
                failures = 0;
                if (next is null)
                {
                    await signals.WaitAsync(partition, _options.PollInterval, timeProvider, stopping).ConfigureAwait(false);
                    continue;
                }

                if (!await HandleAsync(database, partition, next, abort).ConfigureAwait(false))
                {
                    // The failed entry stays first in line: the partition's later callbacks wait for it.
                    await Task.Delay(_options.RetryDelay, timeProvider, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Redis unreachable, the stream or group deleted, ...: the entry stays unacknowledged, so nothing is
                // lost; the worker survives and starts over (creating the group again if it is gone).
                groupReady = false;
                var delay = Backoff(++failures);
                StreamLog.WorkerFailed(logger, exception, partition, delay);
                await Task.Delay(delay, timeProvider, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// The poll interval, doubled per consecutive failure up to <see cref="MaxBackoff"/> and a third of the lease, so an
    /// outage does not flood the log, yet a worker that owes an acknowledgement is back soon after Redis is: one
    /// sleeping longer than its lease would leave its handled entry for another instance to claim and run again.
    /// </summary>
    private TimeSpan Backoff(int failures)
    {
        var cap = _options.LeaseTimeout / 3 < MaxBackoff ? _options.LeaseTimeout / 3 : MaxBackoff;
        var delay = _options.PollInterval * Math.Pow(2, Math.Min(failures - 1, 16));
        return delay < cap ? delay : (_options.PollInterval > cap ? _options.PollInterval : cap);
    }

    private async Task EnsureGroupAsync(IDatabase database, int partition)
    {
        try
        {
            // From the beginning: entries appended before any instance created the group are read too.
            await database.StreamCreateConsumerGroupAsync(layout.Stream(partition), layout.Group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or an earlier run) created it: the usual case, and the wanted state.
        }
    }

    /// <summary>The next entry to work on, or null when there is none yet (or an older one must be waited for).</summary>
    private async Task<RedisStreamDelivery?> NextAsync(IDatabase database, int partition)
    {
        var stream = layout.Stream(partition);

        // 1. This consumer's own unacknowledged entry: one that failed (a retry), or from before a restart.
        var own = await database.StreamReadGroupAsync(stream, layout.Group, layout.Consumer, "0-0", 1).ConfigureAwait(false);
        if (own.Length > 0)
        {
            return new RedisStreamDelivery(own[0], await DeliveriesAsync(database, stream, own[0].Id).ConfigureAwait(false), Claimed: false);
        }

        // 2. Entries another consumer left unacknowledged: they are older than any new entry, so none is read before
        //    they are claimed and handled; that keeps each user's order when an instance dies mid-handler.
        var pending = await database.StreamPendingAsync(stream, layout.Group).ConfigureAwait(false);
        if (pending.PendingMessageCount > 0)
        {
            var claim = await database.StreamAutoClaimAsync(
                stream,
                layout.Group,
                layout.Consumer,
                (long)Math.Ceiling(_options.ClaimIdleTimeout.TotalMilliseconds),
                "0-0",
                1).ConfigureAwait(false);
            return claim.ClaimedEntries.Length > 0
                ? new RedisStreamDelivery(claim.ClaimedEntries[0], await DeliveriesAsync(database, stream, claim.ClaimedEntries[0].Id).ConfigureAwait(false), Claimed: true)
                : null;
        }

        // 3. The next new entry.
        var fresh = await database.StreamReadGroupAsync(stream, layout.Group, layout.Consumer, StreamPosition.NewMessages, 1).ConfigureAwait(false);
        return fresh.Length > 0 ? new RedisStreamDelivery(fresh[0], 1, Claimed: false) : null;
    }

    /// <summary>Redis' delivery count of an entry (XREADGROUP of a pending entry and XAUTOCLAIM both increment it).</summary>
    private async Task<long> DeliveriesAsync(IDatabase database, RedisKey stream, RedisValue id)
    {
        var info = await database.StreamPendingMessagesAsync(stream, layout.Group, 1, RedisValue.Null, id, id).ConfigureAwait(false);
        return info.Length > 0 ? info[0].DeliveryCount : 1;
    }

    /// <summary>Handles one delivery.</summary>
    /// <returns><see langword="false"/> when the handlers failed and the entry is to be retried after the retry delay.</returns>
    private async Task<bool> HandleAsync(IDatabase database, int partition, RedisStreamDelivery delivery, CancellationToken abort)
    {
        var entry = delivery.Entry;
        var id = entry.Id.ToString();
        var body = entry[RedisStreamFields.Body];
        if (body.IsNull)
        {
            // An entry deleted while pending (someone trimmed the stream) keeps only its id.
            await AcknowledgeAsync(database, partition, entry.Id).ConfigureAwait(false);
            StreamLog.EmptyEntry(logger, id, partition);
            return true;
        }

        var eventName = entry[RedisStreamFields.Event].ToString();
        var token = entry[RedisStreamFields.MessageToken].ToString();
        if (_handledNotAcknowledged.ContainsKey((partition, id)))
        {
            await AcknowledgeAsync(database, partition, entry.Id).ConfigureAwait(false);
            _handledNotAcknowledged.TryRemove((partition, id), out _);
            StreamLog.AcknowledgedLate(logger, eventName, token, id);
            return true;
        }

        if (delivery.Claimed)
        {
            StreamLog.Claimed(logger, eventName, token, id, partition, delivery.Deliveries);
        }

        if (delivery.Deliveries > _options.MaxAttempts)
        {
            // Delivered again and again without an outcome: the handlers crash or hang the process that runs them.
            var reason = string.Create(CultureInfo.InvariantCulture, $"delivered {delivery.Deliveries} times without an acknowledgement (the instance running it crashed or stopped each time)");
            await DeadLetterAsync(database, partition, delivery, UnknownEvent, reason).ConfigureAwait(false);
            return true;
        }

        ViberCallback callback;
        try
        {
            callback = ViberJson.DeserializeCallback((byte[])body!);
        }
        catch (JsonException exception)
        {
            // Verified when it was appended, so only a foreign writer gets here; no retry would parse it.
            await DeadLetterAsync(database, partition, delivery, UnknownEvent, "not a JSON callback: " + exception.Message).ConfigureAwait(false);
            return true;
        }

        var key = entry[RedisStreamFields.Key].ToString();
        var metricEvent = ViberMetrics.EventName(callback);
        // The webhook's claim is normally still held (in progress): the worker then acts as its owner with the token
        // stored beside the key. Once that claim has expired, the worker's own claim takes its place.
        var workerToken = ViberDeduplicationClaimToken.New();
        var claim = await store.TryClaimAsync(key, workerToken, botOptions.Value.DeduplicationWindow, CancellationToken.None).ConfigureAwait(false);
        if (claim == ViberDeduplicationClaim.Completed)
        {
            // Handled before, but not acknowledged: an instance died between the two. At-least-once meets dedup here.
            await AcknowledgeAsync(database, partition, entry.Id).ConfigureAwait(false);
            metrics.Duplicate(metricEvent);
            StreamLog.AlreadyHandled(logger, eventName, token, id);
            return true;
        }

        ActivityContext.TryParse(entry[RedisStreamFields.TraceParent].ToString(), null, out var parent);
        ViberProcessResult result;
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var claimToken = claim == ViberDeduplicationClaim.Claimed ? workerToken : entry[RedisStreamFields.ClaimToken].ToString();
            result = await processor.ProcessAsync(callback, key, claimToken, scope.ServiceProvider, parent, abort).ConfigureAwait(false);
        }

        switch (result.Outcome)
        {
            case ViberProcessOutcome.Succeeded:
                _handledNotAcknowledged[(partition, id)] = true;
                await AcknowledgeAsync(database, partition, entry.Id).ConfigureAwait(false);
                _handledNotAcknowledged.TryRemove((partition, id), out _);
                return true;
            case ViberProcessOutcome.Cancelled:
                StreamLog.LeftPending(logger, eventName, token, id);
                return true;
        }

        if (delivery.Deliveries >= _options.MaxAttempts)
        {
            var failure = result.Failure is { } exception ? $"{exception.GetType().FullName}: {exception.Message}" : "the handlers failed";
            await DeadLetterAsync(database, partition, delivery, metricEvent, failure).ConfigureAwait(false);
            return true;
        }

        StreamLog.Retrying(logger, eventName, token, id, delivery.Deliveries, _options.MaxAttempts, _options.RetryDelay);
        return false;
    }

    private async Task AcknowledgeAsync(IDatabase database, int partition, RedisValue id)
        => await database.ScriptEvaluateAsync(AcknowledgeScript, [layout.Stream(partition)], [layout.Group, id]).ConfigureAwait(false);

    /// <summary>
    /// Copies the entry to the dead-letter stream, then acknowledges it. Two steps, not one script, so the keys may
    /// live on different cluster nodes; a crash between them leaves the entry to be dead-lettered again (twice).
    /// </summary>
    private async Task DeadLetterAsync(IDatabase database, int partition, RedisStreamDelivery delivery, string metricEvent, string reason)
    {
        var entry = delivery.Entry;
        await database.StreamAddAsync(
            layout.DeadLetters,
            [
                new NameValueEntry(RedisStreamFields.Body, entry[RedisStreamFields.Body]),
                new NameValueEntry(RedisStreamFields.Key, entry[RedisStreamFields.Key]),
                new NameValueEntry(RedisStreamFields.TraceParent, entry[RedisStreamFields.TraceParent]),
                new NameValueEntry(RedisStreamFields.Event, entry[RedisStreamFields.Event]),
                new NameValueEntry(RedisStreamFields.MessageToken, entry[RedisStreamFields.MessageToken]),
                new NameValueEntry(RedisStreamFields.Partition, partition),
                new NameValueEntry(RedisStreamFields.SourceId, entry.Id),
                new NameValueEntry(RedisStreamFields.Deliveries, delivery.Deliveries),
                new NameValueEntry(RedisStreamFields.Reason, reason),
            ],
            maxLength: _options.DeadLetterMaxLength,
            useApproximateMaxLength: true).ConfigureAwait(false);
        await AcknowledgeAsync(database, partition, entry.Id).ConfigureAwait(false);
        metrics.DeadLettered(metricEvent);
        StreamLog.DeadLettered(
            logger,
            entry[RedisStreamFields.Event].ToString(),
            entry[RedisStreamFields.MessageToken].ToString(),
            entry.Id.ToString(),
            partition,
            layout.DeadLetters.ToString(),
            delivery.Deliveries,
            reason);
    }
}
