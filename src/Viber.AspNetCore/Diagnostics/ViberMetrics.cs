using System.Diagnostics;
using System.Diagnostics.Metrics;
using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Diagnostics;

/// <summary>The library's instruments on one <see cref="Meter"/> created through <see cref="IMeterFactory"/>.</summary>
internal sealed class ViberMetrics
{
    private readonly Meter _meter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _lost;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _handlerDuration;
    private readonly Counter<long> _handlerFailures;
    private readonly Counter<long> _apiCalls;
    private readonly Histogram<double> _apiDuration;
    private readonly Counter<long> _completionFailures;

    public ViberMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(ViberDiagnostics.MeterName);
        _received = _meter.CreateCounter<long>(ViberDiagnostics.CallbacksReceived, "{callback}", "Callbacks received with a valid signature.");
        _rejected = _meter.CreateCounter<long>(ViberDiagnostics.CallbacksRejected, "{callback}", "Callbacks refused, by reason.");
        _duplicates = _meter.CreateCounter<long>(ViberDiagnostics.CallbacksDuplicate, "{callback}", "Retried callbacks ignored because they were already handled.");
        _lost = _meter.CreateCounter<long>(ViberDiagnostics.CallbacksLost, "{callback}", "Callbacks answered 200 in background mode whose handlers never finished because the app stopped.");
        _deadLettered = _meter.CreateCounter<long>(ViberDiagnostics.CallbacksDeadLettered, "{callback}", "Callbacks moved to the dead-letter stream after their handlers failed on every attempt.");
        _handlerDuration = _meter.CreateHistogram<double>(ViberDiagnostics.HandlerDuration, "s", "Time a callback's handlers took.");
        _handlerFailures = _meter.CreateCounter<long>(ViberDiagnostics.HandlerFailures, "{callback}", "Callbacks whose handlers threw.");
        _apiCalls = _meter.CreateCounter<long>(ViberDiagnostics.ApiCalls, "{call}", "Bot API call attempts, by method and Viber status.");
        _apiDuration = _meter.CreateHistogram<double>(ViberDiagnostics.ApiCallDuration, "s", "Duration of Bot API call attempts.");
        _completionFailures = _meter.CreateCounter<long>(ViberDiagnostics.CompletionFailures, "{callback}", "Handled callbacks whose completion the deduplication store refused.");
    }

    /// <summary>The event name used as a tag: an unknown event's own name would make the tag unbounded.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>The event name, or <c>unknown</c>.</returns>
    public static string EventName(ViberCallback callback) => callback is UnknownCallback ? "unknown" : callback.Event;

    public void Received(string eventName) => _received.Add(1, new KeyValuePair<string, object?>(ViberDiagnostics.EventTag, eventName));

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>(ViberDiagnostics.ReasonTag, reason));

    public void Duplicate(string eventName) => _duplicates.Add(1, new KeyValuePair<string, object?>(ViberDiagnostics.EventTag, eventName));

    public void Lost(string eventName) => _lost.Add(1, new KeyValuePair<string, object?>(ViberDiagnostics.EventTag, eventName));

    public void DeadLettered(string eventName) => _deadLettered.Add(1, new KeyValuePair<string, object?>(ViberDiagnostics.EventTag, eventName));

    public void HandlersCompleted(string eventName, string outcome, TimeSpan elapsed)
        => _handlerDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(ViberDiagnostics.EventTag, eventName),
            new KeyValuePair<string, object?>(ViberDiagnostics.OutcomeTag, outcome));

    public void HandlerFailed(string eventName, string handler)
        => _handlerFailures.Add(
            1,
            new KeyValuePair<string, object?>(ViberDiagnostics.EventTag, eventName),
            new KeyValuePair<string, object?>(ViberDiagnostics.HandlerTag, handler));

    /// <summary>Gets whether a listener records Bot API calls (their count or their duration).</summary>
    public bool ApiCallsObserved => _apiCalls.Enabled || _apiDuration.Enabled;

    public void ApiCall(string method, string status, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { ViberDiagnostics.MethodTag, method },
            { ViberDiagnostics.StatusTag, status },
        };
        _apiCalls.Add(1, tags);
        _apiDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void CompletionFailed(string eventName, string outcome)
        => _completionFailures.Add(
            1,
            new KeyValuePair<string, object?>(ViberDiagnostics.EventTag, eventName),
            new KeyValuePair<string, object?>(ViberDiagnostics.OutcomeTag, outcome));

    public void ObservePendingCompletions(Func<int> count)
        => _meter.CreateObservableUpDownCounter(ViberDiagnostics.PendingCompletions, count, "{callback}", "Completions waiting to be written to the deduplication store.");

    public void ObserveQueueDepth(Func<int> depth)
        => _meter.CreateObservableUpDownCounter(ViberDiagnostics.QueueDepth, depth, "{callback}", "Callbacks waiting in the background queue.");
}
