using StackExchange.Redis;

namespace Viber.AspNetCore.Redis.Hosting;

/// <summary>
/// Turns <see cref="RedisViberOptions"/> into StackExchange.Redis settings that answer fast while Redis is down:
/// the client's defaults (5 s per connect and per command, a first connect that throws, commands queued while
/// disconnected) made each callback wait about 6 s for its 503, longer than Viber waits.
/// </summary>
internal static class RedisViberConfiguration
{
    /// <summary>Parses the configuration string and applies the bot's settings where the string does not set them.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The client configuration.</returns>
    public static ConfigurationOptions Create(RedisViberOptions options)
    {
        var text = options.Configuration!;
        var configuration = ConfigurationOptions.Parse(text);

        // Connected lazily and in the background: a Redis that is down at start-up must not fail the app, and the
        // client reconnects on its own once Redis is back.
        if (!Sets(text, "abortConnect"))
        {
            configuration.AbortOnConnectFail = false;
        }

        if (!Sets(text, "connectTimeout"))
        {
            configuration.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        }

        if (!Sets(text, "syncTimeout"))
        {
            configuration.SyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        }

        if (!Sets(text, "asyncTimeout"))
        {
            configuration.AsyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        }

        // A command sent while disconnected fails at once instead of waiting in a backlog for a reconnect: the
        // webhook then answers 503 right away and Viber retries later.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return configuration;
    }

    /// <summary>Tells whether the configuration string sets an option itself (<c>name=value</c>, any case).</summary>
    private static bool Sets(string configuration, string name)
    {
        foreach (var part in configuration.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
