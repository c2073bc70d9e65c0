using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore.Diagnostics;

/// <summary>
/// The webhook's logs of refused or short-circuited requests (405, 413, 401, 400, replays and duplicates answered 200,
/// 503 for a callback in progress or a full background queue), each kind bounded to one record in full per
/// <see cref="ViberBotOptions.RejectionLogInterval"/> plus one summary with the count of the rest, because whoever
/// can reach the webhook (or replay one signed body) can send them as fast as the server answers, and a full queue
/// meets every request of a burst. The metric still counts every one.
/// </summary>
internal sealed class ViberRejectionLog : IDisposable
{
    private readonly ILogger _logger;
    private readonly LogRateLimiter _methodNotAllowed;
    private readonly LogRateLimiter _bodyTooLarge;
    private readonly LogRateLimiter _signature;
    private readonly LogRateLimiter _invalidJson;
    private readonly LogRateLimiter _tooOld;
    private readonly LogRateLimiter _duplicate;
    private readonly LogRateLimiter _inProgress;
    private readonly LogRateLimiter _queueFull;
    private readonly LogRateLimiter _overDrainBudget;

    public ViberRejectionLog(IOptions<ViberBotOptions> options, TimeProvider time, ILogger<ViberWebhookRequestHandler> logger)
    {
        _logger = logger;
        var interval = options.Value.RejectionLogInterval;
        _methodNotAllowed = Limiter("with a method other than POST");
        _bodyTooLarge = Limiter("with a body over Viber:MaxRequestBodySize");
        _signature = Limiter("with a missing or bad signature");
        _invalidJson = Limiter("with a signed body that is not a JSON callback");
        _tooOld = Limiter("as older than the deduplication window (replays)");
        _duplicate = Limiter("as retries of callbacks already handled (answered 200)");
        _inProgress = Limiter("as retries of callbacks still being handled (answered 503)");
        _queueFull = Limiter("because the background queue was full or closed (answered 503)");
        _overDrainBudget = Limiter("because the background queue held what it can drain within the shutdown timeout (answered 503)");

        LogRateLimiter Limiter(string what)
            => new(time, interval, count => Log.RejectionsSummarized(logger, count, what, interval.TotalSeconds));
    }

    public void MethodNotAllowed(string method)
    {
        if (_methodNotAllowed.ShouldLog())
        {
            Log.MethodNotAllowed(_logger, method);
        }
    }

    public void BodyTooLarge(long contentLength, long limit)
    {
        if (_bodyTooLarge.ShouldLog())
        {
            Log.BodyTooLarge(_logger, contentLength, limit);
        }
    }

    public void SignatureRejected(string reason, string? remoteIpAddress)
    {
        if (_signature.ShouldLog())
        {
            Log.SignatureRejected(_logger, reason, remoteIpAddress);
        }
    }

    public void InvalidJson(Exception exception)
    {
        if (_invalidJson.ShouldLog())
        {
            Log.InvalidJson(_logger, exception);
        }
    }

    public void TooOld(string @event, long? messageToken, DateTimeOffset time)
    {
        if (_tooOld.ShouldLog())
        {
            Log.CallbackTooOld(_logger, @event, messageToken, time, ViberBotOptions.ReplayMargin.TotalMinutes);
        }
    }

    public void Duplicate(string @event, long? messageToken)
    {
        if (_duplicate.ShouldLog())
        {
            Log.DuplicateCallback(_logger, @event, messageToken);
        }
    }

    public void InProgress(string @event, long? messageToken)
    {
        if (_inProgress.ShouldLog())
        {
            Log.CallbackInProgress(_logger, @event, messageToken);
        }
    }

    public void QueueFull(string @event, long? messageToken)
    {
        if (_queueFull.ShouldLog())
        {
            Log.QueueFull(_logger, @event, messageToken);
        }
    }

    public void OverDrainBudget(string @event, long? messageToken)
    {
        if (_overDrainBudget.ShouldLog())
        {
            Log.QueueOverDrainBudget(_logger, @event, messageToken);
        }
    }

    public void Dispose()
    {
        _methodNotAllowed.Dispose();
        _bodyTooLarge.Dispose();
        _signature.Dispose();
        _invalidJson.Dispose();
        _tooOld.Dispose();
        _duplicate.Dispose();
        _inProgress.Dispose();
        _queueFull.Dispose();
        _overDrainBudget.Dispose();
    }
}
