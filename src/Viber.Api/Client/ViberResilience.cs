using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Viber.Api.Client;

/// <summary>Builds a client's Polly pipelines from <see cref="ViberBotClientOptions"/>.</summary>
internal static class ViberResilience
{
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
    /// Builds the call pipeline with the attempt timeout as its innermost strategy, for calls that wait for no
    /// permit between the retry and the attempt: one pipeline run per call instead of one per call and per attempt.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="timeProvider">The clock for delays and timeouts.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<ViberAttemptResult> CreateDirectPipeline(ViberBotClientOptions options, TimeProvider timeProvider)
    {
        var builder = CallStrategies(options, timeProvider);
        if (ClientOptionsGuard.IsEnabled(options.AttemptTimeout))
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder.Build();
    }

    private static ResiliencePipelineBuilder<ViberAttemptResult> CallStrategies(ViberBotClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<ViberAttemptResult> { TimeProvider = timeProvider };
        if (ClientOptionsGuard.IsEnabled(options.TotalTimeout))
        {
            builder.AddTimeout(options.TotalTimeout);
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ViberAttemptResult>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            });
        }

        return builder;
    }

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
