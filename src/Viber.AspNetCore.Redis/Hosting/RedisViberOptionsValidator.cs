using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Viber.AspNetCore.Redis.Hosting;

/// <summary>
/// Checks <see cref="RedisViberOptions"/> when the app starts, with messages that name the configuration key and
/// what to set. The configuration string's value never appears in a message: it may hold a password.
/// </summary>
/// <param name="source">Where the connection comes from; a connection from DI needs no configuration string.</param>
internal sealed class RedisViberOptionsValidator(RedisViberConnectionSource source) : IValidateOptions<RedisViberOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisViberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (source.Factory is null)
        {
            if (string.IsNullOrWhiteSpace(options.Configuration))
            {
                failures.Add($"{Key("Configuration")} is required: set it to the Redis connection string, such as 'localhost:6379' (environment variable {EnvVar("Configuration")}), or pass a connection string or an IConnectionMultiplexer to AddRedisDeduplication()");
            }
            else
            {
                try
                {
                    ConfigurationOptions.Parse(options.Configuration);
                }
                catch (ArgumentException exception)
                {
                    failures.Add($"{Key("Configuration")} is not a valid StackExchange.Redis configuration string: {exception.Message}");
                }
            }
        }

        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            failures.Add($"{Key("KeyPrefix")} must not be empty: it keeps the bot's keys apart from other data (default '{RedisViberOptions.DefaultKeyPrefix}')");
        }

        if (string.IsNullOrEmpty(options.BroadcastKey))
        {
            failures.Add($"{Key("BroadcastKey")} must not be empty: it is the Redis key of the bot's fleet-wide broadcast budget (default '{RedisViberOptions.DefaultBroadcastKey}')");
        }

        foreach (var (key, value, fallback) in (ReadOnlySpan<(string, string, string)>)[
            ("UserDetailsKeyPrefix", options.UserDetailsKeyPrefix, RedisViberOptions.DefaultUserDetailsKeyPrefix),
            ("ConversationKeyPrefix", options.ConversationKeyPrefix, RedisViberOptions.DefaultConversationKeyPrefix)])
        {
            if (string.IsNullOrEmpty(value))
            {
                failures.Add($"{Key(key)} must not be empty: it keeps the bot's keys apart from other data (default '{fallback}')");
            }
        }

        // Renewed every third of the lease: below 30 ms the renewal could not keep up with Redis' round trips.
        if (options.ConversationLockLease < TimeSpan.FromMilliseconds(30) || options.ConversationLockLease.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{Key("ConversationLockLease")} must be a time span between 30 ms and {TimeSpan.FromMilliseconds(int.MaxValue)}, such as '00:00:30': it is how long a crashed instance's conversation lock blocks the user");
        }

        // Redis expiries are whole milliseconds, and a claim that never expires would block a crashed instance's callback for good.
        if (options.ClaimTimeout < TimeSpan.FromMilliseconds(1))
        {
            failures.Add($"{Key("ClaimTimeout")} must be a positive time span of at least 1 ms, such as '00:05:00': it is how long a callback stays claimed while its handlers run");
        }

        foreach (var (key, value) in (ReadOnlySpan<(string, TimeSpan)>)[("ConnectTimeout", options.ConnectTimeout), ("OperationTimeout", options.OperationTimeout)])
        {
            if (value < TimeSpan.FromMilliseconds(1) || value.TotalMilliseconds > int.MaxValue)
            {
                failures.Add($"{Key(key)} must be a time span between 1 ms and {TimeSpan.FromMilliseconds(int.MaxValue)}, such as '00:00:02'");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string key) => $"{RedisViberOptions.SectionName}:{key}";

    private static string EnvVar(string key) => Key(key).Replace(":", "__", StringComparison.Ordinal);
}
