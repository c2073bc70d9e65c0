using Microsoft.Extensions.Logging;

namespace Viber.AspNetCore.Diagnostics;

/// <summary>
/// Every log the library writes, with stable event ids (1xx webhook, 2xx dispatch, 3xx background queue,
/// 4xx webhook registration, 5xx API calls). Never logs the auth token, a signature or a callback body.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Debug, "Received a Viber {Event} callback, message token {MessageToken}.", EventName = "CallbackReceived")]
    public static partial void CallbackReceived(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(101, LogLevel.Warning, "Rejected a Viber callback from {RemoteIpAddress}: {Reason}. Check that Viber:AuthToken is the token of the bot Viber calls this webhook for.", EventName = "SignatureRejected")]
    public static partial void SignatureRejected(ILogger logger, string reason, string? remoteIpAddress);

    [LoggerMessage(102, LogLevel.Warning, "Rejected a Viber callback of {ContentLength} bytes or more: the limit is {Limit} bytes (Viber:MaxRequestBodySize).", EventName = "BodyTooLarge")]
    public static partial void BodyTooLarge(ILogger logger, long contentLength, long limit);

    [LoggerMessage(103, LogLevel.Warning, "Rejected a signed Viber callback that is not a JSON callback object.", EventName = "InvalidJson")]
    public static partial void InvalidJson(ILogger logger, Exception exception);

    [LoggerMessage(104, LogLevel.Debug, "Answered {Method} on the Viber webhook with 405: only POST is handled.", EventName = "MethodNotAllowed")]
    public static partial void MethodNotAllowed(ILogger logger, string method);

    [LoggerMessage(105, LogLevel.Information, "Answered Viber's webhook check.", EventName = "WebhookCheck")]
    public static partial void WebhookCheck(ILogger logger);

    [LoggerMessage(106, LogLevel.Debug, "The client aborted the Viber webhook request before it was answered.", EventName = "RequestAborted")]
    public static partial void RequestAborted(ILogger logger);

    [LoggerMessage(107, LogLevel.Information, "Received a Viber callback with an unknown event {Event}; it goes to catch-all handlers.", EventName = "UnknownEvent")]
    public static partial void UnknownEvent(ILogger logger, string @event);

    [LoggerMessage(108, LogLevel.Warning, "{Count} more Viber callbacks were rejected {What} in the last {IntervalSeconds} s; only the first of each interval is logged in full (Viber:RejectionLogInterval).", EventName = "RejectionsSummarized")]
    public static partial void RejectionsSummarized(ILogger logger, long count, string what, double intervalSeconds);

    [LoggerMessage(109, LogLevel.Warning, "Ignored a signed Viber {Event} callback {MessageToken} from {Time:O}: it is older than Viber:DeduplicationWindow plus {MarginMinutes} min, so it is a replay or a very late retry (answered 200, not dispatched; Viber:RejectReplays).", EventName = "CallbackTooOld")]
    public static partial void CallbackTooOld(ILogger logger, string @event, long? messageToken, DateTimeOffset time, double marginMinutes);

    [LoggerMessage(110, LogLevel.Information, "Answered 503 to the Viber {Event} callback {MessageToken}: the app is stopping. Viber will retry it.", EventName = "RefusedWhileStopping")]
    public static partial void RefusedWhileStopping(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(200, LogLevel.Information, "Ignored a retry of the Viber {Event} callback {MessageToken}: it was already handled.", EventName = "DuplicateCallback")]
    public static partial void DuplicateCallback(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(201, LogLevel.Information, "Answered 503 to a retry of the Viber {Event} callback {MessageToken}: the first delivery is still being handled.", EventName = "CallbackInProgress")]
    public static partial void CallbackInProgress(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(205, LogLevel.Error, "The deduplication store failed for the Viber {Event} callback {MessageToken}; answered 503 so Viber retries.", EventName = "DeduplicationStoreFailed")]
    public static partial void DeduplicationStoreFailed(ILogger logger, Exception exception, string @event, long? messageToken);

    [LoggerMessage(202, LogLevel.Error, "Handler {Handler} failed for the Viber {Event} callback {MessageToken}; it will run again when Viber retries.", EventName = "HandlerFailed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string @event, long? messageToken);

    [LoggerMessage(203, LogLevel.Information, "Handling of the Viber {Event} callback {MessageToken} was cancelled: the app's shutdown deadline (HostOptions.ShutdownTimeout) or the handler timeout (Viber:HandlerTimeout, inline mode) passed.", EventName = "HandlerCancelled")]
    public static partial void HandlerCancelled(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(206, LogLevel.Warning, "Handling of the Viber {Event} callback {MessageToken} was cancelled after {Timeout} (Viber:HandlerTimeout); answered 503 so Viber retries it.", EventName = "HandlerTimedOut")]
    public static partial void HandlerTimedOut(ILogger logger, string @event, long? messageToken, TimeSpan timeout);

    [LoggerMessage(207, LogLevel.Warning, "Could not record the Viber {Event} callback {MessageToken} as handled: the deduplication store failed. Answered 200 anyway (its handlers succeeded, and a retry would run them twice); the completion is kept and written when the store answers again ({Pending} waiting).", EventName = "CompletionPending")]
    public static partial void CompletionPending(ILogger logger, Exception exception, string @event, long? messageToken, int pending);

    [LoggerMessage(208, LogLevel.Error, "Could not record the Viber {Event} callback {MessageToken} as handled: the deduplication store failed and {Capacity} completions already wait to be written, so this one is dropped. Answered 200 (its handlers succeeded); a retry of it reaching another instance may run its handlers again.", EventName = "CompletionDropped")]
    public static partial void CompletionDropped(ILogger logger, Exception exception, string @event, long? messageToken, int capacity);

    [LoggerMessage(209, LogLevel.Information, "Wrote {Written} pending Viber callback completions to the deduplication store ({Pending} still waiting).", EventName = "PendingCompletionsWritten")]
    public static partial void PendingCompletionsWritten(ILogger logger, int written, int pending);

    [LoggerMessage(210, LogLevel.Debug, "The deduplication store still fails; {Pending} pending completions wait for the next try.", EventName = "PendingCompletionsStillFailing")]
    public static partial void PendingCompletionsStillFailing(ILogger logger, Exception exception, int pending);

    [LoggerMessage(211, LogLevel.Warning, "The app stopped with {Pending} Viber callback completions not written to the deduplication store; retries of those callbacks may run their handlers again.", EventName = "PendingCompletionsAbandoned")]
    public static partial void PendingCompletionsAbandoned(ILogger logger, int pending);

    [LoggerMessage(212, LogLevel.Warning, "The claim on the Viber {Event} callback {MessageToken} expired before its handlers finished, and another delivery holds the key now; that claim is left alone. Raise the claim timeout above the slowest handler's run time.", EventName = "ClaimLost")]
    public static partial void ClaimLost(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(213, LogLevel.Warning, "Could not release the claim on the Viber {Event} callback {MessageToken}: the deduplication store failed. The key stays claimed until its claim expires; Viber's retries are answered 503 until then.", EventName = "ReleaseFailed")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string @event, long? messageToken);

    [LoggerMessage(204, LogLevel.Warning, "Handler {Handler} returned a welcome message, but an earlier handler already did; only the first is sent.", EventName = "WelcomeMessageIgnored")]
    public static partial void WelcomeMessageIgnored(ILogger logger, string handler);

    [LoggerMessage(300, LogLevel.Warning, "Answered 503 to the Viber {Event} callback {MessageToken}: the background queue is full or closed (Viber:BackgroundQueueCapacity). Viber will retry it.", EventName = "QueueFull")]
    public static partial void QueueFull(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(301, LogLevel.Information, "Draining {Count} queued Viber callbacks before stopping.", EventName = "QueueDraining")]
    public static partial void QueueDraining(ILogger logger, int count);

    [LoggerMessage(302, LogLevel.Warning, "Stopped before {Count} queued Viber callbacks were handled: the host's shutdown timeout elapsed.", EventName = "QueueDrainTimedOut")]
    public static partial void QueueDrainTimedOut(ILogger logger, int count);

    [LoggerMessage(303, LogLevel.Error, "Processing the queued Viber {Event} callback {MessageToken} failed outside its handlers.", EventName = "BackgroundItemFailed")]
    public static partial void BackgroundItemFailed(ILogger logger, Exception exception, string @event, long? messageToken);

    [LoggerMessage(304, LogLevel.Error, "Lost the queued Viber {Event} callback {MessageToken}: it was answered 200, but the app stopped before its handlers finished (shutdown deadline, HostOptions.ShutdownTimeout), and Viber will not retry it.", EventName = "CallbackLost")]
    public static partial void CallbackLost(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(305, LogLevel.Warning, "Answered 503 to the Viber {Event} callback {MessageToken}: its worker's queue already holds what it is expected to handle within the shutdown timeout (HostOptions.ShutdownTimeout). Viber will retry it.", EventName = "QueueOverDrainBudget")]
    public static partial void QueueOverDrainBudget(ILogger logger, string @event, long? messageToken);

    [LoggerMessage(306, LogLevel.Warning, "Stopped with background handlers still running: they ignored their cancellation until the host's shutdown timeout.", EventName = "WorkersAbandoned")]
    public static partial void WorkersAbandoned(ILogger logger);

    [LoggerMessage(400, LogLevel.Information, "Registering the Viber webhook {WebhookUrl} (attempt {Attempt}).", EventName = "WebhookRegistering")]
    public static partial void WebhookRegistering(ILogger logger, string webhookUrl, int attempt);

    [LoggerMessage(401, LogLevel.Information, "Registered the Viber webhook {WebhookUrl}; Viber will send the events {EventTypes}.", EventName = "WebhookRegistered")]
    public static partial void WebhookRegistered(ILogger logger, string webhookUrl, string eventTypes);

    [LoggerMessage(402, LogLevel.Warning, "Registering the Viber webhook {WebhookUrl} failed (attempt {Attempt}): {Reason}; retrying in {Delay}.", EventName = "WebhookRegistrationRetry")]
    public static partial void WebhookRegistrationRetry(ILogger logger, Exception exception, string webhookUrl, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(403, LogLevel.Error, "Registering the Viber webhook {WebhookUrl} failed and will not be retried: {Reason}.", EventName = "WebhookRegistrationFailed")]
    public static partial void WebhookRegistrationFailed(ILogger logger, Exception exception, string webhookUrl, string reason);

    [LoggerMessage(404, LogLevel.Debug, "Viber webhook registration is disabled (Viber:RegisterWebhook is false).", EventName = "WebhookRegistrationDisabled")]
    public static partial void WebhookRegistrationDisabled(ILogger logger);

    [LoggerMessage(405, LogLevel.Information, "Removed the Viber webhook (Viber:RemoveWebhookOnShutdown is true).", EventName = "WebhookRemoved")]
    public static partial void WebhookRemoved(ILogger logger);

    [LoggerMessage(406, LogLevel.Warning, "Removing the Viber webhook on shutdown failed.", EventName = "WebhookRemoveFailed")]
    public static partial void WebhookRemoveFailed(ILogger logger, Exception exception);

    [LoggerMessage(500, LogLevel.Debug, "Viber API {Method} answered status {Status} in {ElapsedMilliseconds} ms.", EventName = "ApiCall")]
    public static partial void ApiCall(ILogger logger, string method, string status, double elapsedMilliseconds);
}
