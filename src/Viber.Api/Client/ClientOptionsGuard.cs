using Viber.Api.Validation;

namespace Viber.Api.Client;

/// <summary>
/// Checks <see cref="ViberBotClientOptions"/> when a client is created, so a bad setting fails at once with the
/// option's name instead of as a Polly or rate-limiter error on the first call.
/// </summary>
internal static class ClientOptionsGuard
{
    // Polly's timeout strategy accepts 10 ms to 24 h; Timeout.InfiniteTimeSpan turns a timeout off.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    /// <summary>Throws when an option is out of range; the message never contains the token.</summary>
    /// <param name="options">The options.</param>
    public static void Validate(ViberBotClientOptions options)
    {
        if (AuthTokenRule.FindViolation(options.AuthToken) is { } tokenViolation)
        {
            throw Invalid(nameof(options.AuthToken), tokenViolation);
        }

        if (!HttpUrl.IsAbsoluteHttp(options.BaseAddress))
        {
            throw Invalid(nameof(options.BaseAddress), "must be an absolute http(s) URI such as " + ViberApiMethods.DefaultBaseAddress);
        }

        if (options.MaxRetryAttempts < 0)
        {
            throw Invalid(nameof(options.MaxRetryAttempts), "must be 0 (no retries) or more");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > MaxTimeout)
        {
            throw Invalid(nameof(options.RetryBaseDelay), "must be between 0 and 24 hours");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay || options.RetryMaxDelay > MaxTimeout)
        {
            throw Invalid(nameof(options.RetryMaxDelay), "must be at least RetryBaseDelay and at most 24 hours");
        }

        ValidateTimeout(options.AttemptTimeout, nameof(options.AttemptTimeout));
        ValidateTimeout(options.TotalTimeout, nameof(options.TotalTimeout));

        if (options.BroadcastRequestsPerWindow < 1)
        {
            throw Invalid(nameof(options.BroadcastRequestsPerWindow), "must be at least 1");
        }

        if (options.BroadcastWindow <= TimeSpan.Zero || options.BroadcastWindow > MaxTimeout)
        {
            throw Invalid(nameof(options.BroadcastWindow), "must be more than 0 and at most 24 hours");
        }

        if (options.BroadcastConcurrency < 1)
        {
            throw Invalid(nameof(options.BroadcastConcurrency), "must be at least 1 (1 sends one broadcast request after another)");
        }
    }

    /// <summary>Gets a value indicating whether a timeout option is switched on.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns><see langword="false"/> for <see cref="Timeout.InfiniteTimeSpan"/>.</returns>
    public static bool IsEnabled(TimeSpan timeout) => timeout != Timeout.InfiniteTimeSpan;

    private static void ValidateTimeout(TimeSpan timeout, string name)
    {
        if (IsEnabled(timeout) && (timeout < MinTimeout || timeout > MaxTimeout))
        {
            throw Invalid(name, "must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan to turn it off");
        }
    }

    private static ArgumentException Invalid(string option, string rule)
        => new($"ViberBotClientOptions.{option} {rule}.");
}
