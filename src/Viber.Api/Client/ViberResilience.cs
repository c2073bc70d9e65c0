using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Viber.Api.Client;

/// <summary>Builds a client's Polly pipelines from <see cref="ViberBotClientOptions"/>.</summary>
internal static class ViberResilience
{
    /// <summary>The timestamp (<see cref="TimeProvider.GetTimestamp"/>) a call through the direct pipeline started at.</summary>
    public static readonly ResiliencePropertyKey<long> CallStarted = new("viber.call-started");

    private static readonly TimeSpan MinimumAttemptTimeout = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Builds the pipeline around a whole call: the total timeout outside, then the retry of transient outcomes
    /// (status 12, HTTP 429 and 5xx, HTTP transport errors, attempt timeouts) with jittered exponential backoff
    /// that gives way to the server's <c>Retry-After</c>.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="timeProvider">The clock for delays and timeouts.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<ViberAttemptResult> CreateCallPipeline(ViberBotClientOptions options, TimeProvider timeProvider)
        => CallStrategies(options, timeProvider).Build();

    /// <summary>
    /// Builds the pipeline of calls that wait for no permit between the retry and the attempt (every call but
    /// broadcasts): one run per call, and one timeout strategy for both timeouts. Each attempt gets the smaller of
    /// <see cref="ViberBotClientOptions.AttemptTimeout"/> and what is left of <see cref="ViberBotClientOptions.TotalTimeout"/>
    /// (counted from <see cref="CallStarted"/>), no retry starts past the total, and a retry delay that would end past
    /// it waits out the total and fails the call with its timeout, as a total-timeout strategy around the retry would.
    /// That outer strategy cost a second timeout per send (its state machine, pooled source and registrations).
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="timeProvider">The clock for delays and timeouts.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<ViberAttemptResult> CreateDirectPipeline(ViberBotClientOptions options, TimeProvider timeProvider)
    {
        var total = options.TotalTimeout;
        var attempt = options.AttemptTimeout;
        if (!ClientOptionsGuard.IsEnabled(total))
        {
            var builder = CallStrategies(options, timeProvider);
            if (ClientOptionsGuard.IsEnabled(attempt))
            {
                builder.AddTimeout(attempt);
            }

            return builder.Build();
        }

        var direct = new ResiliencePipelineBuilder<ViberAttemptResult> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            var retry = RetryOptions(options);
            retry.ShouldHandle = args => ValueTask.FromResult(
                ShouldRetry(args.Outcome, args.Context.CancellationToken) && Remaining(args.Context, total, timeProvider) > TimeSpan.Zero);
            retry.OnRetry = async args =>
            {
                var remaining = Remaining(args.Context, total, timeProvider);
                if (args.RetryDelay >= remaining)
                {
                    // The clock moved since the retry's check: what is left may be spent by now, and Task.Delay
                    // refuses a negative delay (and waits forever on -1 ms).
                    if (remaining > TimeSpan.Zero)
                    {
                        await Task.Delay(remaining, timeProvider, args.Context.CancellationToken).ConfigureAwait(false);
                    }

                    throw new TimeoutRejectedException($"The call did not complete within its total timeout of '{total}'.", total);
                }
            };
            direct.AddRetry(retry);
        }

        direct.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = total,
            TimeoutGenerator = args =>
            {
                var remaining = Remaining(args.Context, total, timeProvider);
                var timeout = ClientOptionsGuard.IsEnabled(attempt) && attempt < remaining ? attempt : remaining;

                // Never zero: the retry starts no attempt past the total, but the clock moves between its check and here.
                return ValueTask.FromResult(timeout > MinimumAttemptTimeout ? timeout : MinimumAttemptTimeout);
            },
        });
        return direct.Build();
    }

    /// <summary>What is left of the total timeout of a call through the direct pipeline.</summary>
    /// <param name="context">The call's context, holding <see cref="CallStarted"/>.</param>
    /// <param name="total">The total timeout.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The time left; zero or less once it is spent.</returns>
    public static TimeSpan Remaining(ResilienceContext context, TimeSpan total, TimeProvider timeProvider)
        => context.Properties.TryGetValue(CallStarted, out var started) ? total - timeProvider.GetElapsedTime(started) : total;

    private static ResiliencePipelineBuilder<ViberAttemptResult> CallStrategies(ViberBotClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<ViberAttemptResult> { TimeProvider = timeProvider };
        if (ClientOptionsGuard.IsEnabled(options.TotalTimeout))
        {
            builder.AddTimeout(options.TotalTimeout);
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(RetryOptions(options));
        }

        return builder;
    }

    private static RetryStrategyOptions<ViberAttemptResult> RetryOptions(ViberBotClientOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.RetryMaxDelay,
        ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
        DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
    };

    /// <summary>Builds the pipeline around one HTTP attempt: the attempt timeout.</summary>
    /// <param name="options">The client options.</param>
    /// <param name="timeProvider">The clock for the timeout.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline CreateAttemptPipeline(ViberBotClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (ClientOptionsGuard.IsEnabled(options.AttemptTimeout))
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<ViberAttemptResult> outcome, CancellationToken callerToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,

        // HttpClient.Timeout surfaces as a cancellation caused by a TimeoutException: an attempt timeout too.
        { Exception: OperationCanceledException { InnerException: TimeoutException } } => !callerToken.IsCancellationRequested,
        { Exception: null, Result: { } result } => result.IsTransient,
        _ => false,
    };
}
