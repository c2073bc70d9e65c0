using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore.Diagnostics;

/// <summary>
/// The webhook's logs of refused requests (405, 413, 401, 400, and replays answered 200), each kind bounded to one record in full per
/// <see cref="ViberBotOptions.RejectionLogInterval"/> plus one summary with the count of the rest, because whoever
/// can reach the webhook can send them as fast as the server answers. The metric still counts every one.
/// </summary>
internal sealed class ViberRejectionLog : IDisposable
{
    private readonly ILogger _logger;
    private readonly LogRateLimiter _methodNotAllowed;
    private readonly LogRateLimiter _bodyTooLarge;
    private readonly LogRateLimiter _signature;
    private readonly LogRateLimiter _invalidJson;
    private readonly LogRateLimiter _tooOld;

    public ViberRejectionLog(IOptions<ViberBotOptions> options, TimeProvider time, ILogger<ViberWebhookRequestHandler> logger)
    {
        _logger = logger;
        var interval = options.Value.RejectionLogInterval;
        _methodNotAllowed = Limiter("with a method other than POST");
        _bodyTooLarge = Limiter("with a body over Viber:MaxRequestBodySize");
        _signature = Limiter("with a missing or bad signature");
        _invalidJson = Limiter("with a signed body that is not a JSON callback");
        _tooOld = Limiter("as older than the deduplication window (replays)");

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

    public void Dispose()
    {
        _methodNotAllowed.Dispose();
        _bodyTooLarge.Dispose();
        _signature.Dispose();
        _invalidJson.Dispose();
        _tooOld.Dispose();
    }
}
