using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;
using Viber.Api.Signatures;
using Viber.AspNetCore.Background;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Handlers;
using Viber.AspNetCore.Hosting;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// The webhook, as a plain <see cref="RequestDelegate"/> behind both <c>UseViberWebhook()</c> and
/// <c>MapViberWebhook()</c>. Its status codes are a contract: 405 not POST; 413 body over the limit; 401 missing
/// or wrong signature; 400 not a JSON callback; 200 webhook check, duplicate, handled (with the welcome message as
/// body) or queued; 500 a handler threw; 503 the same callback is being handled, the queue is full, the
/// deduplication store failed, or the app is stopping. Every answer but 200 makes Viber retry later.
/// </summary>
internal sealed class ViberWebhookRequestHandler
{
    private readonly ViberBotOptions _options;
    private readonly ViberSignatureVerifier _verifier;
    private readonly IViberDeduplicationStore _store;
    private readonly ViberPendingCompletions _pendingCompletions;
    private readonly ViberCallbackProcessor _processor;
    private readonly IViberBackgroundQueue _queue;
    private readonly ViberMetrics _metrics;
    private readonly ViberRejectionLog _rejectionLog;
    private readonly ViberShutdown _shutdown;
    private readonly TimeProvider _time;
    private readonly HandlerTimeoutSources _handlerTimeouts;
    private readonly ViberSingletonServices _singletons;
    private readonly ILogger<ViberWebhookRequestHandler> _logger;

    public ViberWebhookRequestHandler(
        IOptions<ViberBotOptions> options,
        IViberDeduplicationStore store,
        ViberPendingCompletions pendingCompletions,
        ViberCallbackProcessor processor,
        IViberBackgroundQueue queue,
        ViberMetrics metrics,
        ViberRejectionLog rejectionLog,
        ViberShutdown shutdown,
        TimeProvider time,
        ViberSingletonServices singletons,
        ILogger<ViberWebhookRequestHandler> logger)
    {
        _options = options.Value;
        _verifier = new ViberSignatureVerifier(_options.AuthToken);
        _store = store;
        _pendingCompletions = pendingCompletions;
        _processor = processor;
        _queue = queue;
        _metrics = metrics;
        _rejectionLog = rejectionLog;
        _shutdown = shutdown;
        _time = time;
        _handlerTimeouts = new HandlerTimeoutSources(_options.HandlerTimeout, time);
        _singletons = singletons;
        _logger = logger;
    }

    /// <summary>Gets the local path the webhook is served on.</summary>
    public string WebhookPath => _options.WebhookPath ?? ViberBotOptions.DefaultWebhookPath;

    /// <summary>Handles one request to the webhook path.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the request is answered.</returns>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            _rejectionLog.MethodNotAllowed(context.Request.Method);
            _metrics.Rejected(ViberDiagnostics.ReasonMethodNotAllowed);
            context.Response.Headers.Allow = HttpMethods.Post;
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        using var activity = ViberActivities.Source.StartActivity(ViberDiagnostics.ReceiveActivityName, ActivityKind.Internal);
        var (callback, key, body) = await ReadCallbackAsync(context).ConfigureAwait(false);
        if (callback is null || key is null)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            return;
        }

        var eventName = ViberMetrics.EventName(callback);
        activity?.SetTag(ViberDiagnostics.EventTag, eventName);
        activity?.SetTag(ViberDiagnostics.MessageTokenTag, callback.MessageToken);
        _metrics.Received(eventName);
        Log.CallbackReceived(_logger, callback.Event, callback.MessageToken);
        if (AnsweredBeforeClaim(context, callback))
        {
            return;
        }

        // Handled here, but the store refused the completion (Redis down): a duplicate, whatever the store says.
        var claim = ViberDeduplicationClaim.Completed;
        var claimToken = ViberDeduplicationClaimToken.New();
        try
        {
            if (!_pendingCompletions.Contains(key))
            {
                claim = await _store.TryClaimAsync(key, claimToken, _options.DeduplicationWindow, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A shared store (Redis) that is down must not turn into a 200 that loses the callback: 503 makes Viber
            // retry later, and the error is logged with its cause.
            Log.DeduplicationStoreFailed(_logger, exception, callback.Event, callback.MessageToken);
            Reject(context, StatusCodes.Status503ServiceUnavailable, ViberDiagnostics.ReasonStoreUnavailable);
            return;
        }

        switch (claim)
        {
            case ViberDeduplicationClaim.Completed:
                _rejectionLog.Duplicate(callback.Event, callback.MessageToken);
                _metrics.Duplicate(eventName);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case ViberDeduplicationClaim.InProgress:
                _rejectionLog.InProgress(callback.Event, callback.MessageToken);
                Reject(context, StatusCodes.Status503ServiceUnavailable, ViberDiagnostics.ReasonInProgress);
                return;
        }

        // A welcome message can only travel in this response, so conversation_started always runs inline.
        if (_options.DispatchMode == ViberDispatchMode.Background && callback is not ConversationStartedCallback && body is not null)
        {
            await EnqueueAsync(context, callback, key, claimToken, body).ConfigureAwait(false);
            return;
        }

        // Handlers are not cancelled when Viber hangs up: Viber gives up after a few seconds and retries, and a slow
        // handler cancelled on every try would never finish; one that completes marks the key done, so the retry is
        // answered as a duplicate. Nor when the app starts stopping: a handler that already sent its reply would be
        // answered 503 and run again on Viber's retry, replying twice. Only the shutdown deadline cancels them.
        // Bounded by Viber:HandlerTimeout too: Viber has long given up on this answer by then, and a handler stuck
        // on a hanging API would hold its connection; 503 releases the claim so Viber's retry runs it again.
        // One source for both: the shutdown deadline cancels the timeout's source through a registration, which
        // costs less per callback than a linked source (a second source and two registrations).
        // The source is pooled on the system clock (HandlerTimeoutSources): it goes back only after the shutdown
        // registration is disposed, which waits for a Cancel already running, so nothing cancels it once reset.
        var cancellation = _handlerTimeouts.Rent();
        ViberProcessResult result;
        try
        {
            using var shutdown = _shutdown.Deadline.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), cancellation);
            result = await _processor.ProcessAsync(callback, key, claimToken, new LazyRequestServices(context, _singletons), default, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            _handlerTimeouts.Return(cancellation);
        }

        if (result.Outcome == ViberProcessOutcome.Cancelled && !_shutdown.Deadline.IsCancellationRequested)
        {
            Log.HandlerTimedOut(_logger, callback.Event, callback.MessageToken, _options.HandlerTimeout);
        }

        context.Response.StatusCode = result.Outcome switch
        {
            ViberProcessOutcome.Succeeded => StatusCodes.Status200OK,
            ViberProcessOutcome.Cancelled => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (result.WelcomeBody is { } welcome)
        {
            await WriteWelcomeAsync(context, welcome).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads, verifies and parses the body, answering 413, 401 or 400 when it cannot. In background mode it also
    /// returns a copy of the verified body, which a durable queue stores (the pooled buffer is returned here).
    /// </summary>
    private async ValueTask<(ViberCallback? Callback, string? Key, byte[]? Body)> ReadCallbackAsync(HttpContext context)
    {
        PooledBody? body;
        try
        {
            body = await RequestBodyReader.ReadAsync(context.Request, _options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (context.RequestAborted.IsCancellationRequested || exception is BadHttpRequestException)
        {
            // The client went away (or sent a truncated body): nobody is waiting for an answer, so it is not an error.
            Log.RequestAborted(_logger);
            context.Response.StatusCode = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            return default;
        }

        if (body is null)
        {
            _rejectionLog.BodyTooLarge(context.Request.ContentLength ?? _options.MaxRequestBodySize + 1, _options.MaxRequestBodySize);
            return Reject(context, StatusCodes.Status413PayloadTooLarge, ViberDiagnostics.ReasonBodyTooLarge);
        }

        using (body)
        {
            var signature = context.Request.Headers[ViberApiMethods.SignatureHeader].ToString();
            if (signature.Length == 0)
            {
                // Viber also appends the signature to the URL as ?sig=..., which survives proxies that drop headers.
                signature = context.Request.Query["sig"].ToString();
            }

            var verification = _verifier.Verify(body.Span, signature);
            if (verification != SignatureVerificationResult.Valid)
            {
                var reason = verification switch
                {
                    SignatureVerificationResult.Missing => ViberDiagnostics.ReasonSignatureMissing,
                    SignatureVerificationResult.Malformed => ViberDiagnostics.ReasonSignatureMalformed,
                    _ => ViberDiagnostics.ReasonSignatureMismatch,
                };
                _rejectionLog.SignatureRejected(reason, context.Connection.RemoteIpAddress?.ToString());
                return Reject(context, StatusCodes.Status401Unauthorized, reason);
            }

            try
            {
                var callback = ViberJson.DeserializeCallback(body.Span);
                var copy = _options.DispatchMode == ViberDispatchMode.Background ? body.Span.ToArray() : null;
                return (callback, ViberDeduplicationKey.Create(callback, body.Span), copy);
            }
            catch (JsonException exception)
            {
                _rejectionLog.InvalidJson(exception);
                return Reject(context, StatusCodes.Status400BadRequest, ViberDiagnostics.ReasonInvalidJson);
            }
        }
    }

    /// <summary>
    /// Answers the callbacks that are not claimed and handled: the webhook check and replays (200), and any callback
    /// while the app is stopping (503). Synchronous, so that claiming and handling stay in <see cref="HandleAsync"/>:
    /// a second async method around them was a second state machine for every callback whose handler awaits.
    /// </summary>
    /// <returns><see langword="true"/> when the callback is answered.</returns>
    private bool AnsweredBeforeClaim(HttpContext context, ViberCallback callback)
    {
        if (callback is WebhookCallback)
        {
            Log.WebhookCheck(_logger);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return true;
        }

        if (IsReplay(callback))
        {
            // 200, not 4xx: Viber never re-sends a callback this old, so only a replay gets here, and an error answer
            // would only tell its sender to try again.
            _rejectionLog.TooOld(callback.Event, callback.MessageToken, callback.Time);
            _metrics.Rejected(ViberDiagnostics.ReasonTooOld);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return true;
        }

        if (callback is UnknownCallback)
        {
            Log.UnknownEvent(_logger, callback.Event);
        }

        // Nothing new starts once the app is stopping: the shutdown timeout belongs to the callbacks already
        // accepted, and Viber retries this one (on another instance, or on this one after a restart).
        if (_shutdown.IsStopping)
        {
            Log.RefusedWhileStopping(_logger, callback.Event, callback.MessageToken);
            Reject(context, StatusCodes.Status503ServiceUnavailable, ViberDiagnostics.ReasonStopping);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Tells a callback older than the deduplication window (plus a margin for clock skew) by the bot's clock: its
    /// key may be forgotten, so dispatching it could run its handlers twice. A timestamp of 0 means none was sent.
    /// </summary>
    private bool IsReplay(ViberCallback callback)
        => _options.RejectReplays
            && callback.Timestamp > 0
            && _time.GetUtcNow().ToUnixTimeMilliseconds() - callback.Timestamp > (long)(_options.DeduplicationWindow + ViberBotOptions.ReplayMargin).TotalMilliseconds;

    private async Task EnqueueAsync(HttpContext context, ViberCallback callback, string key, string claimToken, byte[] body)
    {
        ViberEnqueueResult result;
        try
        {
            result = await _queue.EnqueueAsync(new ViberWorkItem(callback, body, key, Activity.Current?.Context ?? default, claimToken), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A durable queue (Redis) that could not store the callback: never 200 for it. Whether the request was
            // aborted or not, the claim is released so Viber's retry is not answered "in progress".
            Log.QueueUnavailable(_logger, exception, callback.Event, callback.MessageToken);
            try
            {
                await _store.ReleaseAsync(key, claimToken, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception releaseFailure)
            {
                // The same Redis is likely down for the store too: the claim then expires on its own.
                Log.DeduplicationStoreFailed(_logger, releaseFailure, callback.Event, callback.MessageToken);
            }

            Reject(context, StatusCodes.Status503ServiceUnavailable, ViberDiagnostics.ReasonQueueUnavailable);
            return;
        }

        if (result == ViberEnqueueResult.Queued)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        try
        {
            await _store.ReleaseAsync(key, claimToken, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Answered 503 all the same; the claim stays until it expires, and Viber's retries get 503 until then.
            Log.ReleaseFailed(_logger, exception, callback.Event, callback.MessageToken);
        }

        if (result == ViberEnqueueResult.OverDrainBudget)
        {
            _rejectionLog.OverDrainBudget(callback.Event, callback.MessageToken);
            Reject(context, StatusCodes.Status503ServiceUnavailable, ViberDiagnostics.ReasonOverDrainBudget);
            return;
        }

        _rejectionLog.QueueFull(callback.Event, callback.MessageToken);
        Reject(context, StatusCodes.Status503ServiceUnavailable, ViberDiagnostics.ReasonQueueFull);
    }

    private async Task WriteWelcomeAsync(HttpContext context, byte[] welcome)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = welcome.Length;
        try
        {
            await context.Response.Body.WriteAsync(welcome, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            Log.RequestAborted(_logger);
        }
    }

    private (ViberCallback?, string?, byte[]?) Reject(HttpContext context, int statusCode, string reason)
    {
        _metrics.Rejected(reason);
        context.Response.StatusCode = statusCode;
        return default;
    }
}
