using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Polly;
using Polly.Retry;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;
using Viber.Api.Signatures;
using Viber.Emulator.Events;
using Microsoft.Extensions.Logging;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Callbacks;

/// <summary>
/// Posts callbacks to the bot's webhook as Viber does: the exact JSON bytes, signed in
/// <c>X-Viber-Content-Signature</c> and in the <c>sig</c> query parameter, re-sent with growing intervals until
/// the webhook answers 200 (bounded). Every attempt and every scheduled retry is published on the event feed.
/// </summary>
/// <remarks>
/// Depends on the state (webhook, event filter, token, settings), the feed and the background work; it holds no
/// lock while it calls the webhook or the handler factory a test supplied.
/// </remarks>
internal sealed class CallbackSender(EmulatorState state, EventFeed feed, BackgroundWork background, ILogger logger) : IDisposable
{
    /// <summary>The most of a webhook's answer the emulator reads; a welcome message must fit in 30 KB anyway.</summary>
    private const int MaxResponseBytes = 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly List<HttpClient> _clients = [];

    // The emulator owns its client instead of taking one from the app's IHttpClientFactory: callbacks must not pass
    // through the app's handlers (in emulator mode the app's Viber client is itself served by the emulator).
    private Func<HttpMessageHandler> _handlerFactory = () => CreateDefaultHandler(trustedRoot: null);
    private HttpClient? _client;

    /// <summary>Creates the network handler callbacks use, trusting only <paramref name="trustedRoot"/> when one is given.</summary>
    public static SocketsHttpHandler CreateDefaultHandler(X509Certificate2? trustedRoot)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (trustedRoot is not null)
        {
            // A custom root replaces the system store for these connections only; the host name check stays.
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.Add(trustedRoot);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        return handler;
    }

    public void UseHandler(Func<HttpMessageHandler> handlerFactory)
    {
        lock (_gate)
        {
            _handlerFactory = handlerFactory;

            // A callback in flight keeps the old client; it is disposed with the emulator.
            _client = null;
        }
    }

    /// <summary>Posts a callback to the webhook with retries, unless there is none or the bot filtered the event out.</summary>
    public async Task<CallbackResult> SendAsync(ViberCallback callback, string? userId, CancellationToken cancellationToken)
    {
        Uri? webhook;
        CallbackOutcome? skip;
        lock (state.Gate)
        {
            webhook = state.Account.Webhook;
            skip = webhook is null ? CallbackOutcome.NoWebhook
                : !EventTypePolicy.IsEnabled(state.Account.EventTypes, callback.Event) ? CallbackOutcome.FilteredOut
                : null;
            if (skip is { } reason)
            {
                feed.Publish(new CallbackSkippedEvent { EventType = callback.Event, UserId = userId, MessageToken = callback.MessageToken, Reason = reason });
            }
        }

        if (skip is { } skipped)
        {
            return new CallbackResult { EventType = callback.Event, MessageToken = callback.MessageToken, Outcome = skipped };
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, background.Stopping);
        return await PostAsync(webhook!, callback, userId, retry: true, linked.Token).ConfigureAwait(false);
    }

    public async Task<CallbackResult> PostAsync(Uri webhook, ViberCallback callback, string? userId, bool retry, CancellationToken cancellationToken)
    {
        var body = ViberJson.SerializeCallback(callback);
        var signature = ViberSignature.Compute(body, state.AuthToken);
        var url = new Uri(webhook.GetLeftPart(UriPartial.Query) + (string.IsNullOrEmpty(webhook.Query) ? "?" : "&") + "sig=" + signature);
        var requestText = Encoding.UTF8.GetString(body);
        var attempt = 0;

        async ValueTask<AttemptOutcome> AttemptAsync(CancellationToken token)
        {
            var number = Interlocked.Increment(ref attempt);
            var outcome = await SendOnceAsync(url, body, signature, token).ConfigureAwait(false);
            feed.Publish(new CallbackAttemptEvent
            {
                EventType = callback.Event,
                UserId = userId,
                MessageToken = callback.MessageToken,
                Url = url,
                RequestBody = requestText,
                Signature = signature,
                Attempt = number,
                HttpStatus = outcome.HttpStatus,
                ResponseBody = outcome.Body is null ? null : Encoding.UTF8.GetString(outcome.Body),
                Error = outcome.Error,
            });
            if (!outcome.Succeeded)
            {
                Log.CallbackFailed(logger, callback.Event, number, outcome.HttpStatus, outcome.Error);
            }

            return outcome;
        }

        AttemptOutcome final;
        if (retry && state.Options.CallbackMaxRetries > 0)
        {
            var clock = new RetryClock(state.Time, delay => feed.Publish(new CallbackRetryScheduledEvent
            {
                EventType = callback.Event,
                UserId = userId,
                MessageToken = callback.MessageToken,
                NextAttempt = Volatile.Read(ref attempt) + 1,
                Delay = delay,
            }));
            var pipeline = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = clock }
                .AddRetry(new RetryStrategyOptions<AttemptOutcome>
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Succeeded: false }),
                    MaxRetryAttempts = state.Options.CallbackMaxRetries,
                    Delay = state.Options.CallbackRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                })
                .Build();
            final = await pipeline.ExecuteAsync(AttemptAsync, cancellationToken).ConfigureAwait(false);
            if (!final.Succeeded)
            {
                Log.CallbackGaveUp(logger, callback.Event, attempt);
            }
        }
        else
        {
            final = await AttemptAsync(cancellationToken).ConfigureAwait(false);
        }

        return new CallbackResult
        {
            EventType = callback.Event,
            MessageToken = callback.MessageToken,
            Outcome = final.Succeeded ? CallbackOutcome.Delivered : CallbackOutcome.Rejected,
            Attempts = attempt,
            HttpStatus = final.HttpStatus,
            ResponseBody = final.Body is null ? null : Encoding.UTF8.GetString(final.Body),
            ResponseBytes = final.Body,
            Error = final.Error,
        };
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
            _client = null;
        }
    }

    private HttpClient GetClient()
    {
        Func<HttpMessageHandler> factory;
        lock (_gate)
        {
            if (_client is not null)
            {
                return _client;
            }

            factory = _handlerFactory;
        }

        // The factory is the caller's code (a TestServer's CreateHandler, for one): it runs with no lock held.
        var client = new HttpClient(factory(), disposeHandler: true)
        {
            Timeout = state.Options.CallbackTimeout,
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
        lock (_gate)
        {
            _clients.Add(client);

            // Two first callbacks at once both made a client; the one stored first is used, both are disposed later.
            if (_client is null && ReferenceEquals(factory, _handlerFactory))
            {
                _client = client;
            }

            return _client ?? client;
        }
    }

    private async Task<AttemptOutcome> SendOnceAsync(Uri url, byte[] body, string signature, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(ViberApiMethods.SignatureHeader, signature);
        try
        {
            using var response = await GetClient().SendAsync(request, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new AttemptOutcome((int)response.StatusCode, bytes, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(null, null, string.Create(CultureInfo.InvariantCulture, $"no answer within {state.Options.CallbackTimeout.TotalSeconds} s"));
        }
#pragma warning disable CA1031 // Viber treats any failure to get an answer (refused connection, an exception surfacing through an in-process server) as "not 200" and retries; so does the emulator, recording why.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new AttemptOutcome(null, null, $"{exception.GetType().Name}: {exception.Message}");
        }
    }
}
