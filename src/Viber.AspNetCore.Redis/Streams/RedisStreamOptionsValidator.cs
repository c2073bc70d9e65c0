using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>Checks <see cref="RedisViberStreamOptions"/> at start, with messages naming the configuration key.</summary>
internal sealed class RedisStreamOptionsValidator : IValidateOptions<RedisViberStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisViberStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            failures.Add($"{Key("KeyPrefix")} must not be empty (default '{RedisViberStreamOptions.DefaultKeyPrefix}')");
        }

        if (options.Partitions is < 1 or > 1024)
        {
            failures.Add($"{Key("Partitions")} must be between 1 and 1024 (default 8)");
        }

        if (options.MaxLength < 1)
        {
            failures.Add($"{Key("MaxLength")} must be at least 1: it is how many callbacks one partition stream holds (default 10000)");
        }

        if (options.DeadLetterMaxLength < 1)
        {
            failures.Add($"{Key("DeadLetterMaxLength")} must be at least 1 (default 10000)");
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroup))
        {
            failures.Add($"{Key("ConsumerGroup")} must not be empty (default 'viber')");
        }

        if (options.ConsumerName is { } consumer && string.IsNullOrWhiteSpace(consumer))
        {
            failures.Add($"{Key("ConsumerName")} must not be blank: leave it unset for a name made per process");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{Key("MaxAttempts")} must be at least 1: it is how many deliveries a callback gets before the dead-letter stream (default 5)");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{Key("RetryDelay")} must not be negative (default '00:00:05')");
        }

        Positive(failures, "ClaimIdleTimeout", options.ClaimIdleTimeout, "00:00:30");
        Positive(failures, "PollInterval", options.PollInterval, "00:00:00.250");

        // Renewed every third of it: a lease shorter than a few milliseconds could not be renewed in time.
        if (options.LeaseTimeout < TimeSpan.FromMilliseconds(30))
        {
            failures.Add($"{Key("LeaseTimeout")} must be at least 30 ms, such as '00:00:15': a partition's lease is renewed every third of it");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value, string example)
    {
        if (value < TimeSpan.FromMilliseconds(1))
        {
            failures.Add($"{Key(key)} must be a positive time span of at least 1 ms, such as '{example}'");
        }
    }

    private static string Key(string key) => $"{RedisViberStreamOptions.SectionName}:{key}";
}
