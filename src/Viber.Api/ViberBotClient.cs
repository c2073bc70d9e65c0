using System.Collections.Frozen;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Polly;
using Polly.Timeout;
using Viber.Api.Client;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Api.Validation;

namespace Viber.Api;

/// <summary>
/// The <see cref="IViberBotClient"/> over an injected <see cref="HttpClient"/>. Each call is a JSON POST to
/// <see cref="ViberBotClientOptions.BaseAddress"/> plus the method name, with the token in
/// <c>X-Viber-Auth-Token</c> on the request (never on the shared client). Failures surface as:
/// <list type="bullet">
/// <item><see cref="ViberValidationException"/>: the request breaks a documented limit; nothing was sent.</item>
/// <item><see cref="ViberApiException"/>: Viber answered with a non-zero status (after retries for status 12).</item>
/// <item><see cref="HttpRequestException"/>: an HTTP error status (its <see cref="HttpRequestException.StatusCode"/> is set) or a transport error, after retries.</item>
/// <item><see cref="TimeoutException"/>: an attempt or the whole call ran out of time.</item>
/// <item><see cref="JsonException"/>: Viber answered with a body that is not a valid response.</item>
/// <item><see cref="OperationCanceledException"/>: the caller cancelled.</item>
/// </list>
/// None of the messages contains the auth token.
/// </summary>
public sealed class ViberBotClient : IViberBotClient, IDisposable
{
    /// <summary>
    /// The status of broadcast receivers whose request failed without a Viber status (an HTTP error, a timeout or
    /// an invalid response); <see cref="BroadcastFailure.StatusMessage"/> says what happened. It is not a documented
    /// code, so <see cref="ViberStatusExtensions.IsDocumented"/> reads it as a general error.
    /// </summary>
    public const ViberStatus BroadcastRequestFailedStatus = (ViberStatus)(-1);

    /// <summary>
    /// The status of broadcast receivers that could not be sent to because the client found them invalid after the
    /// broadcast had started (a null or blank id in a stream, or a request that would break 30 KB);
    /// <see cref="BroadcastFailure.StatusMessage"/> says which. Not a documented code either.
    /// </summary>
    public const ViberStatus BroadcastReceiverInvalidStatus = (ViberStatus)(-2);

    /// <summary>The most receivers Viber accepts in one broadcast_message request.</summary>
    public const int MaxBroadcastReceiversPerRequest = 300;

    /// <summary>The most ids Viber accepts in one get_online request.</summary>
    public const int MaxOnlineIdsPerRequest = 100;

    /// <summary>
    /// The name of the <see cref="HttpClient"/> that <c>AddViberBot()</c> registers with IHttpClientFactory for this
    /// client. Configure it by name (for example to route it to the emulator) without touching the app's other clients.
    /// </summary>
    public const string HttpClientName = "Viber.AspNetCore.ViberBotClient";

    private const string Redacted = "[redacted]";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly HttpClient _httpClient;
    private readonly string _authToken;
    private readonly Uri _baseAddress;

    // Built once: combining and parsing a URI per request was a measurable part of a send (Uri is immutable, so the
    // requests share them).
    private readonly FrozenDictionary<string, Uri> _methodUris;
    private readonly ViberBotClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<ViberAttemptResult> _callPipeline;
    private readonly ResiliencePipeline _attemptPipeline;
    private readonly ResiliencePipeline<ViberAttemptResult> _directPipeline;
    private readonly RateLimiter _broadcastRateLimiter;
    private readonly bool _ownsBroadcastRateLimiter;

    /// <summary>Initializes a new instance of the <see cref="ViberBotClient"/> class.</summary>
    /// <param name="httpClient">The HTTP client (from IHttpClientFactory in ASP.NET Core).</param>
    /// <param name="options">The token, base address, default sender, retry and pacing settings.</param>
    /// <param name="timeProvider">The time source for retry delays, timeouts and broadcast pacing; the system clock by default.</param>
    /// <param name="broadcastRateLimiter">
    /// The limiter every broadcast_message request (retries included) takes one permit from, shared by the clients of a
    /// bot (for example a singleton <see cref="ViberBroadcastRateLimiter"/>, or a distributed one); it is not disposed
    /// with the client. <see langword="null"/>: the client makes its own from
    /// <see cref="ViberBotClientOptions.BroadcastRequestsPerWindow"/> and <see cref="ViberBotClientOptions.BroadcastWindow"/>.
    /// A permit the limiter refuses counts as status 12 (tooManyRequests): retried, then reported.
    /// </param>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public ViberBotClient(HttpClient httpClient, ViberBotClientOptions options, TimeProvider? timeProvider = null, RateLimiter? broadcastRateLimiter = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ClientOptionsGuard.Validate(options);

        _httpClient = httpClient;
        _authToken = options.AuthToken;
        _baseAddress = WithTrailingSlash(options.BaseAddress);
        _methodUris = ViberApiMethods.All.ToFrozenDictionary(static method => method, method => new Uri(_baseAddress, method), StringComparer.Ordinal);
        // Kept, not copied: the default sender is read per call, so one completed after the client was built (in
        // ASP.NET Core from get_account_info at start, by a client that already made that call) applies to it.
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _callPipeline = ViberResilience.CreateCallPipeline(options, _timeProvider);
        _attemptPipeline = ViberResilience.CreateAttemptPipeline(options, _timeProvider);
        _directPipeline = ViberResilience.CreateDirectPipeline(options, _timeProvider);
        _ownsBroadcastRateLimiter = broadcastRateLimiter is null;
        _broadcastRateLimiter = broadcastRateLimiter
            ?? new ViberBroadcastRateLimiter(options.BroadcastRequestsPerWindow, options.BroadcastWindow, _timeProvider);
    }

    /// <summary>Gets the limiter that paces broadcasts, so tests can observe queued requests.</summary>
    internal RateLimiter BroadcastRateLimiter => _broadcastRateLimiter;

    /// <inheritdoc />
    public Task<SetWebhookResponse> SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Url is null)
        {
            throw new ViberValidationException("url", "is required (an empty string removes the webhook)");
        }

        if (request.Url.Length > 0 && !HttpUrl.IsAbsoluteHttp(request.Url))
        {
            throw new ViberValidationException("url", "must be an absolute http(s) URL, or empty to remove the webhook");
        }

        var body = SerializeRequest(request, ViberJson.Context.SetWebhookRequest);
        return CallAsync(ViberApiMethods.SetWebhook, body, ViberJson.Context.SetWebhookResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveWebhookAsync(CancellationToken cancellationToken = default)
        => SetWebhookAsync(new SetWebhookRequest { Url = string.Empty }, cancellationToken);

    /// <inheritdoc />
    public Task<SendMessageResponse> SendMessageAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        var body = ViberMessageSerializer.SerializeSendMessage(message, _options.DefaultSender);
        return CallAsync(ViberApiMethods.SendMessage, body, ViberJson.Context.SendMessageResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>See <see cref="BroadcastMessageAsync(ViberMessage, IEnumerable{string}, ViberBroadcastOptions?, CancellationToken)"/>.</remarks>
    /// <exception cref="ViberValidationException">The message or a receiver id breaks a documented limit before the first request; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; requests already sent stay sent.</exception>
    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, CancellationToken cancellationToken = default)
        => BroadcastMessageAsync(message, receivers, null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// The receivers are read 300 at a time as requests go out, enumerated once and never copied, so memory does not
    /// grow with their number; each request body is written when it is sent. Receivers are sent as given (order and
    /// duplicates kept). Up to <see cref="ViberBotClientOptions.BroadcastConcurrency"/> requests are in flight at once
    /// (<see cref="ViberBroadcastOptions.MaxConcurrency"/> for this broadcast alone; one after another when it is 1), each (and each retry) taking a permit from the broadcast rate limiter first:
    /// the one given to the constructor, or this client's own, which allows
    /// <see cref="ViberBotClientOptions.BroadcastRequestsPerWindow"/> requests in any
    /// <see cref="ViberBotClientOptions.BroadcastWindow"/> across all of the client's broadcasts. The list is read no
    /// further ahead than the requests in flight. <see cref="BroadcastResult.MessageTokens"/> and
    /// <see cref="BroadcastResult.Failed"/> are in request order whatever order the answers come in.
    /// </para>
    /// <para>
    /// What is wrong before the first request goes out throws <see cref="ViberValidationException"/> and nothing is
    /// sent: the message, an empty list, and a null or blank id among the first 300 (or anywhere in an
    /// <see cref="ICollection{T}"/> or <see cref="IReadOnlyCollection{T}"/>, which is checked whole first). Later in a
    /// stream, a null or blank id, or a request that would break 30 KB, cannot be sent: those receivers are listed in
    /// <see cref="BroadcastResult.Failed"/> with <see cref="BroadcastReceiverInvalidStatus"/> and the rest go on.
    /// </para>
    /// <para>
    /// A request that still fails after retries does not stop the broadcast nor lose what was sent: its receivers
    /// are listed in <see cref="BroadcastResult.Failed"/> with the status Viber returned, or with
    /// <see cref="BroadcastRequestFailedStatus"/> after an HTTP error, timeout or invalid response, and the other
    /// requests go on. Receivers in Viber's <c>failed_list</c> are listed too. Every receiver read is counted in
    /// <see cref="BroadcastResult.ReceiverCount"/>. Check <see cref="BroadcastResult.AllSucceeded"/>.
    /// </para>
    /// </remarks>
    /// <exception cref="ViberValidationException">The message or a receiver id breaks a documented limit before the first request; nothing was sent.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ViberBroadcastOptions.MaxConcurrency"/> is less than 1; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException">
    /// The caller cancelled: no further request goes out, the ones in flight are cancelled and waited for before this
    /// throws; requests already answered stay sent (and were reported as progress).
    /// </exception>
    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, ViberBroadcastOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(receivers);
        int? count = receivers switch
        {
            ICollection<string> collection => collection.Count,
            IReadOnlyCollection<string> collection => collection.Count,
            _ => null,
        };

        // A list in memory is checked whole first (walking it again costs no copy), so a bad id throws before anything is sent.
        if (count is not null)
        {
            UserIdList.ValidateEach(receivers, "broadcast_list");
        }

        var concurrency = ConcurrencyOf(options);
        var messageJson = ViberMessageSerializer.PrepareBroadcast(message, _options.DefaultSender);
        return BroadcastAsync(messageJson, new BroadcastReceiverReader(receivers), options?.ReceiverCount ?? count, options?.Progress, concurrency, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// As <see cref="BroadcastMessageAsync(ViberMessage, IEnumerable{string}, ViberBroadcastOptions?, CancellationToken)"/>,
    /// for receivers read as they are needed (for example from a database): the stream is enumerated once, from one
    /// thread at a time, no further ahead than the requests in flight (300 receivers each, at most
    /// <see cref="ViberBotClientOptions.BroadcastConcurrency"/> of them, or <see cref="ViberBroadcastOptions.MaxConcurrency"/>).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ViberBroadcastOptions.MaxConcurrency"/> is less than 1; nothing was sent.</exception>
    /// <exception cref="ViberValidationException">The message or a receiver id breaks a documented limit before the first request; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; requests already sent stay sent (and were reported as progress).</exception>
    public Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IAsyncEnumerable<string> receivers, ViberBroadcastOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(receivers);
        var concurrency = ConcurrencyOf(options);
        var messageJson = ViberMessageSerializer.PrepareBroadcast(message, _options.DefaultSender);
        return BroadcastAsync(messageJson, new BroadcastReceiverReader(receivers, cancellationToken), options?.ReceiverCount, options?.Progress, concurrency, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetAccountInfoResponse> GetAccountInfoAsync(CancellationToken cancellationToken = default)
        => CallAsync(ViberApiMethods.GetAccountInfo, EmptyObject, ViberJson.Context.GetAccountInfoResponse, null, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ViberValidationException"><paramref name="userId"/> is null or blank.</exception>
    public Task<GetUserDetailsResponse> GetUserDetailsAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new ViberValidationException("id", "is required");
        }

        var body = SerializeRequest(new GetUserDetailsRequest { Id = userId }, ViberJson.Context.GetUserDetailsRequest);
        return CallAsync(ViberApiMethods.GetUserDetails, body, ViberJson.Context.GetUserDetailsResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ViberValidationException">The list is empty or an id is null or blank.</exception>
    public async Task<IReadOnlyList<UserOnlineStatus>> GetOnlineAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = UserIdList.Validate(userIds, "ids");
        var bodies = ids.Chunk(MaxOnlineIdsPerRequest)
            .Select(chunk => SerializeRequest(new GetOnlineRequest { Ids = chunk }, ViberJson.Context.GetOnlineRequest))
            .ToList();

        var users = new List<UserOnlineStatus>(ids.Length);
        foreach (var body in bodies)
        {
            var response = await CallAsync(ViberApiMethods.GetOnline, body, ViberJson.Context.GetOnlineResponse, null, cancellationToken).ConfigureAwait(false);
            users.AddRange(response.Users);
        }

        return users;
    }

    /// <summary>Releases the broadcast limiter the client made itself; the injected <see cref="HttpClient"/> and limiter are not disposed.</summary>
    public void Dispose()
    {
        if (_ownsBroadcastRateLimiter)
        {
            _broadcastRateLimiter.Dispose();
        }
    }

    // This broadcast's requests in flight: its own setting, else the client's. Checked before anything is sent.
    private int ConcurrencyOf(ViberBroadcastOptions? options)
    {
        if (options?.MaxConcurrency is { } concurrency)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1, "options.MaxConcurrency");
            return concurrency;
        }

        return _options.BroadcastConcurrency;
    }

    private async Task<BroadcastResult> BroadcastAsync(
        byte[] messageJson, BroadcastReceiverReader reader, int? totalReceivers, IProgress<ViberBroadcastProgress>? progress, int concurrency, CancellationToken cancellationToken)
    {
        await using (reader.ConfigureAwait(false))
        {
            var run = new BroadcastRun(totalReceivers, progress, _options.BroadcastRequestsPerWindow, _options.BroadcastWindow, concurrency, _timeProvider);
            var inFlight = new List<Task>(concurrency);

            // Cancelled when the broadcast stops early (a request or the receiver list failed): requests still waiting
            // for a permit must not go out after the caller was told the broadcast failed.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var finished = false;
            try
            {
                var read = new string?[MaxBroadcastReceiversPerRequest];
                while (true)
                {
                    // A free slot before the next chunk is read, so the list is read no further ahead than the requests in flight.
                    await ObserveCompletedAsync(inFlight, inFlight.Count >= concurrency).ConfigureAwait(false);
                    var offset = reader.Read;
                    var count = await reader.ReadAsync(read, cancellationToken).ConfigureAwait(false);
                    if (count == 0)
                    {
                        if (offset == 0)
                        {
                            throw new ViberValidationException("broadcast_list", "must contain at least one user id");
                        }

                        break;
                    }

                    var chunk = run.StartChunk(count);
                    var valid = new string[count];
                    var validCount = 0;
                    for (var i = 0; i < count; i++)
                    {
                        var receiver = read[i];
                        read[i] = null;
                        if (!string.IsNullOrWhiteSpace(receiver))
                        {
                            valid[validCount++] = receiver;
                        }
                        else if (!run.AnySent)
                        {
                            throw new ViberValidationException($"broadcast_list[{offset + i}]", "must be a user id, not null or blank");
                        }
                        else
                        {
                            chunk.AddUnsent(receiver, BroadcastReceiverInvalidStatus, $"broadcast_list[{offset + i}] is not a user id (null or blank); not sent.");
                        }
                    }

                    var receivers = new ArraySegment<string>(valid, 0, validCount);
                    var body = validCount == 0 ? null : MessageJsonWriter.WithBroadcastList(messageJson, receivers);
                    if (body is not null && body.Length > ViberMessageValidator.MaxRequestBytes)
                    {
                        if (!run.AnySent)
                        {
                            ViberMessageValidator.ValidateRequestSize(body.Length);
                        }

                        chunk.Rejected(receivers, BroadcastReceiverInvalidStatus, $"The request would be {body.Length} bytes of JSON, over {ViberMessageValidator.MaxRequestBytes}; not sent.");
                        body = null;
                    }

                    if (body is null)
                    {
                        run.Complete(chunk);
                        continue;
                    }

                    run.Sending();
                    inFlight.Add(SendBroadcastRequestAsync(run, chunk, body, receivers, stop.Token));
                }

                while (inFlight.Count > 0)
                {
                    await ObserveCompletedAsync(inFlight, wait: true).ConfigureAwait(false);
                }

                finished = true;
                return run.Result;
            }
            finally
            {
                if (!finished)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                }

                // No request outlives the call: the ones still out end on the cancelled token (or with their answer).
                // Their outcome no longer matters, since the call is throwing the failure that stopped it.
                await Task.WhenAll(inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // Drops the finished requests (after one finishes, when asked to wait) and rethrows the first failure among them:
    // cancellation, or an error a request does not turn into failed receivers (such as a shared limiter's store down).
    private static async Task ObserveCompletedAsync(List<Task> inFlight, bool wait)
    {
        if (wait && inFlight.Count > 0)
        {
            await Task.WhenAny(inFlight).ConfigureAwait(false);
        }

        if (inFlight.Find(task => task.IsFaulted || task.IsCanceled) is { } failed)
        {
            await failed.ConfigureAwait(false);
        }

        inFlight.RemoveAll(task => task.IsCompleted);
    }

    private async Task SendBroadcastRequestAsync(BroadcastRun run, BroadcastChunk chunk, byte[] body, ArraySegment<string> receivers, CancellationToken cancellationToken)
    {
        var unpaced = _broadcastRateLimiter.GetStatistics() is { CurrentAvailablePermits: > 0 };
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await CallAsync(ViberApiMethods.BroadcastMessage, body, ViberJson.Context.BroadcastMessageResponse, _broadcastRateLimiter, cancellationToken).ConfigureAwait(false);
            chunk.Accepted(receivers.Count, response);
        }
        catch (ViberApiException ex)
        {
            chunk.Rejected(receivers, ex.Status, ex.StatusMessage ?? ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or JsonException)
        {
            chunk.Rejected(receivers, BroadcastRequestFailedStatus, ex.Message);
        }

        run.RequestDone(chunk, _timeProvider.GetElapsedTime(started), unpaced);
    }

    private static byte[] SerializeRequest<T>(T request, JsonTypeInfo<T> typeInfo)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, typeInfo);
        ViberMessageValidator.ValidateRequestSize(body.Length);
        return body;
    }

    private static Uri WithTrailingSlash(Uri baseAddress)
        => baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");

    private async Task<TResponse> CallAsync<TResponse>(string method, byte[] body, JsonTypeInfo<TResponse> responseType, RateLimiter? rateLimiter, CancellationToken cancellationToken)
        where TResponse : ViberResponse
    {
        ViberAttemptResult result;
        var started = _timeProvider.GetTimestamp();
        ResilienceContext? context = null;
        try
        {
            // Without a permit to wait for between the retry and the attempt (every call but broadcasts), one pipeline
            // run with one timeout strategy bounds the attempts and the call (see ViberResilience.CreateDirectPipeline).
            if (rateLimiter is null)
            {
                context = ResilienceContextPool.Shared.Get(cancellationToken);
                context.Properties.Set(ViberResilience.CallStarted, started);
                var outcome = await _directPipeline.ExecuteOutcomeAsync(
                    static (context, state) => state.Client.SendOnceAsync(state.Method, state.Body, state.ResponseType, context.CancellationToken),
                    context,
                    (Client: this, Method: method, Body: body, ResponseType: responseType)).ConfigureAwait(false);
                result = ResultOf(outcome);
            }
            else
            {
                result = await _callPipeline.ExecuteAsync(
                    static (state, token) => state.Client.AttemptAsync(state.Method, state.Body, state.ResponseType, state.RateLimiter, token),
                    (Client: this, Method: method, Body: body, ResponseType: responseType, RateLimiter: rateLimiter),
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TimeoutRejectedException ex)
        {
            // An attempt cut short by the total timeout reports the total, as the call's own timeout.
            var total = _options.TotalTimeout;
            var timeout = ClientOptionsGuard.IsEnabled(total) && _timeProvider.GetElapsedTime(started) >= total ? total : ex.Timeout;
            throw new TimeoutException($"Viber {method} timed out after {timeout.TotalSeconds:0.###} s.", ex);
        }
        catch (OperationCanceledException ex) when (ex.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Viber {method} timed out (HttpClient.Timeout).", ex);
        }
        catch (HttpRequestException ex)
        {
            // The transport's message names the host at most; add the method, keep the error kind and status.
            throw new HttpRequestException(ex.HttpRequestError, $"Viber {method} failed: {ex.Message}", ex, ex.StatusCode);
        }
        finally
        {
            if (context is not null)
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        if (result.Response is not { } response)
        {
            throw new HttpRequestException(
                HttpRequestError.Unknown,
                $"Viber {method} failed with HTTP {(int)result.HttpStatus} ({result.ReasonPhrase ?? result.HttpStatus.ToString()}).",
                null,
                result.HttpStatus);
        }

        if (response.Status != ViberStatus.Ok)
        {
            throw new ViberApiException(method, response.Status, Redact(response.StatusMessage));
        }

        return (TResponse)response;
    }

    private async ValueTask<ViberAttemptResult> AttemptAsync<TResponse>(string method, byte[] body, JsonTypeInfo<TResponse> responseType, RateLimiter? rateLimiter, CancellationToken cancellationToken)
        where TResponse : ViberResponse
    {
        // The permit is waited for outside the attempt timeout: waiting for the window is not a slow request.
        using var lease = rateLimiter is null ? null : await rateLimiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease is { IsAcquired: false })
        {
            return ViberAttemptResult.FromRateLimiterRefusal(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await _attemptPipeline.ExecuteOutcomeAsync(
                static (context, state) => state.Client.SendOnceAsync(state.Method, state.Body, state.ResponseType, context.CancellationToken),
                context,
                (Client: this, Method: method, Body: body, ResponseType: responseType)).ConfigureAwait(false);
            return ResultOf(outcome);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The attempt's result, or its exception rethrown with the stack trace it was caught with.</summary>
    private static ViberAttemptResult ResultOf(Outcome<ViberAttemptResult> outcome)
    {
        outcome.ThrowIfException();
        return outcome.Result ?? throw new InvalidOperationException("A Viber API attempt completed without a result.");
    }

    /// <summary>
    /// One HTTP attempt. It returns its exception in the outcome instead of throwing it: the pipelines take outcomes
    /// as they are (<c>ExecuteOutcomeAsync</c>), so no wrapper turns a thrown exception into one, which was one more
    /// async step and state machine per send.
    /// </summary>
    private async ValueTask<Outcome<ViberAttemptResult>> SendOnceAsync<TResponse>(string method, byte[] body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : ViberResponse
    {
        try
        {
            // A request message and its content are single-use, so every attempt builds its own from the same bytes.
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonContentType;
            using var request = new ViberApiRequestMessage(method, _methodUris.TryGetValue(method, out var uri) ? uri : new Uri(_baseAddress, method)) { Content = content };
            request.Headers.TryAddWithoutValidation(ViberApiMethods.AuthTokenHeader, _authToken);

            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Outcome.FromResult(ViberAttemptResult.FromHttpError(response.StatusCode, response.ReasonPhrase, GetRetryAfter(response)));
            }

            // What a diagnostics handler records comes from this one parse; it does not read the body a second time.
            var observed = "error";
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    try
                    {
                        var parsed = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false)
                            ?? throw new JsonException("The body is JSON null.");
                        observed = ((int)parsed.Status).ToString(CultureInfo.InvariantCulture);
                        return Outcome.FromResult(ViberAttemptResult.FromResponse(parsed));
                    }
                    catch (JsonException ex)
                    {
                        observed = "invalid_response";
                        throw new JsonException($"Viber {method} answered with a body that is not a valid response: {ex.Message}", ex);
                    }
                }
            }
            finally
            {
                request.Observer?.Completed(observed);
            }
        }
        catch (Exception ex)
        {
            // Not swallowed: the pipeline decides on it (retry, timeout) and ResultOf rethrows it to the caller.
            return Outcome.FromException<ViberAttemptResult>(ex);
        }
    }

    private TimeSpan? GetRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date - _timeProvider.GetUtcNow());
        return delay is { } value && value > TimeSpan.Zero ? value : null;
    }

    // Viber's status messages are short texts; should one ever echo the token, it still must not reach an exception.
    // Case is ignored: a server that upper- or lower-cases what it echoes still echoes the secret.
    private string? Redact(string? text) => text?.Replace(_authToken, Redacted, StringComparison.OrdinalIgnoreCase);
}
