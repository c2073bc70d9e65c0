using Microsoft.Extensions.Logging;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// The logs of background dispatch over Redis Streams, with stable event ids 650-669 (the Redis package's 6xx).
/// Never logs a callback body or the configuration string.
/// </summary>
internal static partial class StreamLog
{
    [LoggerMessage(650, LogLevel.Information, "Redis background dispatch started as consumer {Consumer} of group {Group} on {Partitions} partition streams ({KeyPrefix}N).", EventName = "StreamDispatchStarted")]
    public static partial void Started(ILogger logger, string consumer, string group, int partitions, string keyPrefix);

    [LoggerMessage(651, LogLevel.Warning, "Redis background dispatch is registered (AddRedisBackgroundDispatch), but Viber:DispatchMode is not Background: callbacks run inline and no stream worker starts.", EventName = "StreamDispatchInactive")]
    public static partial void Inactive(ILogger logger);

    [LoggerMessage(652, LogLevel.Debug, "Took the lease of partition {Partition}.", EventName = "StreamLeaseAcquired")]
    public static partial void LeaseAcquired(ILogger logger, int partition);

    [LoggerMessage(653, LogLevel.Debug, "Gave up the lease of partition {Partition}: this instance holds more than its share of {Share}.", EventName = "StreamLeaseYielded")]
    public static partial void LeaseYielded(ILogger logger, int partition, int share);

    [LoggerMessage(654, LogLevel.Warning, "Lost the lease of partition {Partition}: it was not renewed within Viber:Redis:Streams:LeaseTimeout, so another instance may work on it now.", EventName = "StreamLeaseLost")]
    public static partial void LeaseLost(ILogger logger, int partition);

    [LoggerMessage(655, LogLevel.Warning, "Claimed the Viber {Event} callback {MessageToken} (entry {EntryId}, partition {Partition}, delivery {Deliveries}) left unacknowledged by another consumer for over Viber:Redis:Streams:ClaimIdleTimeout: that instance crashed or stopped mid-handler.", EventName = "StreamEntryClaimed")]
    public static partial void Claimed(ILogger logger, string @event, string messageToken, string entryId, int partition, long deliveries);

    [LoggerMessage(656, LogLevel.Warning, "The Viber {Event} callback {MessageToken} (entry {EntryId}) failed on delivery {Deliveries} of {MaxAttempts}; it runs again in {RetryDelay}, before the partition's later callbacks.", EventName = "StreamEntryRetrying")]
    public static partial void Retrying(ILogger logger, string @event, string messageToken, string entryId, long deliveries, int maxAttempts, TimeSpan retryDelay);

    [LoggerMessage(657, LogLevel.Error, "Moved the Viber {Event} callback {MessageToken} (entry {EntryId}, partition {Partition}) to the dead-letter stream {DeadLetters} after {Deliveries} deliveries: {Reason}.", EventName = "StreamEntryDeadLettered")]
    public static partial void DeadLettered(ILogger logger, string @event, string messageToken, string entryId, int partition, string deadLetters, long deliveries, string reason);

    [LoggerMessage(658, LogLevel.Information, "Left the Viber {Event} callback {MessageToken} (entry {EntryId}) unacknowledged: the app's shutdown deadline cancelled its handlers. Another instance (or this one after a restart) runs it again.", EventName = "StreamEntryLeftPending")]
    public static partial void LeftPending(ILogger logger, string @event, string messageToken, string entryId);

    [LoggerMessage(659, LogLevel.Information, "Acknowledged the Viber {Event} callback {MessageToken} (entry {EntryId}) without running it: it was already handled (its deduplication key is completed).", EventName = "StreamEntryAlreadyHandled")]
    public static partial void AlreadyHandled(ILogger logger, string @event, string messageToken, string entryId);

    [LoggerMessage(660, LogLevel.Error, "The Redis stream worker of partition {Partition} failed; it tries again in {Delay}.", EventName = "StreamWorkerFailed")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, int partition, TimeSpan delay);

    [LoggerMessage(661, LogLevel.Error, "The Redis stream heartbeat failed (instance list and partition leases); it tries again in {Delay}.", EventName = "StreamHeartbeatFailed")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(662, LogLevel.Warning, "Releasing the partition leases on stop failed; they expire after Viber:Redis:Streams:LeaseTimeout.", EventName = "StreamLeaseReleaseFailed")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(663, LogLevel.Warning, "Stopped with Redis stream workers still running: their handlers ignored cancellation until the host's shutdown timeout. Their entries stay unacknowledged and run again elsewhere.", EventName = "StreamWorkersAbandoned")]
    public static partial void WorkersAbandoned(ILogger logger);

    [LoggerMessage(664, LogLevel.Debug, "Acknowledged entry {EntryId} of partition {Partition}, which no longer holds a callback (it was deleted).", EventName = "StreamEntryEmpty")]
    public static partial void EmptyEntry(ILogger logger, string entryId, int partition);

    [LoggerMessage(665, LogLevel.Information, "Acknowledged the Viber {Event} callback {MessageToken} (entry {EntryId}) without running it again: this instance handled it, and its acknowledgement failed when Redis went away.", EventName = "StreamEntryAcknowledgedLate")]
    public static partial void AcknowledgedLate(ILogger logger, string @event, string messageToken, string entryId);
}
