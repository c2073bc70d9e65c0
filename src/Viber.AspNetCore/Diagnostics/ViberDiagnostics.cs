namespace Viber.AspNetCore.Diagnostics;

/// <summary>
/// The names of the library's traces and metrics, for OpenTelemetry configuration
/// (<c>AddSource(ViberDiagnostics.ActivitySourceName)</c>, <c>AddMeter(ViberDiagnostics.MeterName)</c>) and dashboards.
/// </summary>
public static class ViberDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Viber.AspNetCore";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Viber.AspNetCore";

    /// <summary>Activity: a callback received on the webhook (child of the ASP.NET Core request activity).</summary>
    public const string ReceiveActivityName = "viber.callback.receive";

    /// <summary>Activity: a callback's handlers run (in background mode, parented to the receive activity).</summary>
    public const string DispatchActivityName = "viber.callback.dispatch";

    /// <summary>Activity: one handler runs.</summary>
    public const string HandlerActivityName = "viber.handler";

    /// <summary>Activity: one Bot API call attempt.</summary>
    public const string ApiCallActivityName = "viber.api.call";

    /// <summary>Activity: set_webhook called by the registration service.</summary>
    public const string RegisterWebhookActivityName = "viber.webhook.register";

    /// <summary>Counter of callbacks received with a valid signature, tagged <see cref="EventTag"/>.</summary>
    public const string CallbacksReceived = "viber.callbacks.received";

    /// <summary>Counter of callbacks refused, tagged <see cref="ReasonTag"/>.</summary>
    public const string CallbacksRejected = "viber.callbacks.rejected";

    /// <summary>Counter of callbacks ignored as retries of one already handled, tagged <see cref="EventTag"/>.</summary>
    public const string CallbacksDuplicate = "viber.callbacks.duplicates";

    /// <summary>
    /// Counter of callbacks answered 200 in background mode whose handlers never finished because the app stopped
    /// (Viber does not retry them), tagged <see cref="EventTag"/>.
    /// </summary>
    public const string CallbacksLost = "viber.callbacks.lost";

    /// <summary>Histogram of the time a callback's handlers took, in seconds, tagged <see cref="EventTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string HandlerDuration = "viber.handler.duration";

    /// <summary>Counter of callbacks whose handlers failed, tagged <see cref="EventTag"/> and <see cref="HandlerTag"/>.</summary>
    public const string HandlerFailures = "viber.handler.failures";

    /// <summary>Counter of Bot API call attempts, tagged <see cref="MethodTag"/> and <see cref="StatusTag"/>.</summary>
    public const string ApiCalls = "viber.api.calls";

    /// <summary>Histogram of the duration of Bot API call attempts, in seconds, tagged <see cref="MethodTag"/> and <see cref="StatusTag"/>.</summary>
    public const string ApiCallDuration = "viber.api.duration";

    /// <summary>Up-down counter of callbacks waiting in the background queue.</summary>
    public const string QueueDepth = "viber.queue.depth";

    /// <summary>
    /// Counter of handled callbacks whose completion the deduplication store refused (answered 200 all the same),
    /// tagged <see cref="EventTag"/> and <see cref="OutcomeTag"/>: <c>pending</c> (kept and written later) or
    /// <c>dropped</c> (the pending buffer was full).
    /// </summary>
    public const string CompletionFailures = "viber.deduplication.completion_failures";

    /// <summary>Up-down counter of completions waiting to be written to the deduplication store.</summary>
    public const string PendingCompletions = "viber.deduplication.pending_completions";

    /// <summary>Tag: the callback's event (<c>message</c>, <c>delivered</c>, ...; <c>unknown</c> for an unknown event).</summary>
    public const string EventTag = "viber.event";

    /// <summary>Tag: why a callback was refused (see the <c>Reason*</c> constants).</summary>
    public const string ReasonTag = "viber.reason";

    /// <summary>Tag: <c>success</c>, <c>failure</c> or <c>cancelled</c>.</summary>
    public const string OutcomeTag = "viber.outcome";

    /// <summary>Tag: the handler's name.</summary>
    public const string HandlerTag = "viber.handler";

    /// <summary>Tag: the callback's message token.</summary>
    public const string MessageTokenTag = "viber.message_token";

    /// <summary>Tag: the Bot API method (<c>send_message</c>, ...).</summary>
    public const string MethodTag = "viber.method";

    /// <summary>Tag: the Viber status of an API call (<c>0</c> for success), or <c>http_NNN</c> / <c>error</c> when there was none.</summary>
    public const string StatusTag = "viber.status";

    /// <summary>Reason: no signature header or <c>sig</c> query parameter.</summary>
    public const string ReasonSignatureMissing = "signature_missing";

    /// <summary>Reason: a signature that is not 64 hex characters.</summary>
    public const string ReasonSignatureMalformed = "signature_malformed";

    /// <summary>Reason: a signature that does not match the body.</summary>
    public const string ReasonSignatureMismatch = "signature_mismatch";

    /// <summary>Reason: a body over <c>MaxRequestBodySize</c>.</summary>
    public const string ReasonBodyTooLarge = "body_too_large";

    /// <summary>Reason: a body that is not a JSON callback.</summary>
    public const string ReasonInvalidJson = "invalid_json";

    /// <summary>Reason: a signed callback older than the deduplication window (a replay); answered 200 without dispatch.</summary>
    public const string ReasonTooOld = "too_old";

    /// <summary>Reason: a method other than POST.</summary>
    public const string ReasonMethodNotAllowed = "method_not_allowed";

    /// <summary>Reason: the background queue is full (or closed for shutdown).</summary>
    public const string ReasonQueueFull = "queue_full";

    /// <summary>Reason: the deduplication store failed (for example Redis is unreachable).</summary>
    public const string ReasonStoreUnavailable = "store_unavailable";

    /// <summary>Reason: the background queue holds what can be handled within the shutdown timeout.</summary>
    public const string ReasonOverDrainBudget = "over_drain_budget";

    /// <summary>Reason: the app is stopping, so no new callback is taken.</summary>
    public const string ReasonStopping = "stopping";

    /// <summary>Reason: the same callback is being handled right now (a retry arrived before the first try finished).</summary>
    public const string ReasonInProgress = "in_progress";
}
