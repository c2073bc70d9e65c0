using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.Api;
using Viber.AspNetCore.Redis.Broadcast;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis;

/// <summary>Scales a bot added by <c>AddViberBot()</c> out over several instances with Redis.</summary>
public static class RedisViberBotBuilderExtensions
{
    /// <summary>
    /// Keeps deduplication keys in Redis, connecting with <c>Viber:Redis:Configuration</c> from the app's
    /// configuration (see <see cref="RedisViberOptions"/> for every key).
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisDeduplication(this IViberBotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services);
        return builder;
    }

    /// <summary>Keeps deduplication keys in Redis, connecting with the given configuration string.</summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="connectionString">The StackExchange.Redis configuration string, such as <c>localhost:6379</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisDeduplication(this IViberBotBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.AddRedisDeduplication(options => options.Configuration = connectionString);
    }

    /// <summary>
    /// Keeps deduplication keys in Redis with options set in code, applied over those bound from <c>Viber:Redis</c>.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisDeduplication(this IViberBotBuilder builder, Action<RedisViberOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Keeps deduplication keys in Redis over a connection the app already has, such as
    /// <c>AddRedisDeduplication(services =&gt; services.GetRequiredService&lt;IConnectionMultiplexer&gt;())</c>.
    /// The connection is left to its owner: the bot does not dispose it.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="connection">Resolves the connection, on first use, from the app's services.</param>
    /// <param name="configure">Sets the options other than the configuration string; optional.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisDeduplication(
        this IViberBotBuilder builder,
        Func<IServiceProvider, IConnectionMultiplexer> connection,
        Action<RedisViberOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        AddCore(builder.Services);
        builder.Services.Replace(ServiceDescriptor.Singleton(new RedisViberConnectionSource(connection)));
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Shares the bot's broadcast budget (Viber allows 500 <c>broadcast_message</c> requests per 10 s per bot)
    /// across every instance through Redis, so the instances together stay within it; each alone would count only
    /// its own requests. Uses the connection and options of <c>AddRedisDeduplication()</c>, which must be called
    /// too; the budget's key is <see cref="RedisViberOptions.BroadcastKey"/>. While Redis is down a broadcast
    /// fails with a <see cref="RedisConnectionException"/> instead of being sent unmetered.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisBroadcastBudget(this IViberBotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IViberBroadcastBudget>(static provider => new RedisViberBroadcastBudget(
            provider.GetService<RedisViberConnection>() ?? throw new InvalidOperationException("AddRedisBroadcastBudget() uses the Redis connection of AddRedisDeduplication(): call builder.AddRedisDeduplication(...) too."),
            provider.GetRequiredService<IOptions<RedisViberOptions>>(),
            provider.GetRequiredService<IOptions<ViberBotClientOptions>>(),
            provider.GetService<TimeProvider>())));
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<RedisViberOptions>();

        // Enumerable registrations keep a second call from binding the configuration again over code settings.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RedisViberOptions>, RedisViberOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisViberOptions>, RedisViberOptionsValidator>());
        services.TryAddSingleton(RedisViberConnectionSource.FromOptions);
        services.TryAddSingleton<RedisViberConnection>();
        services.Replace(ServiceDescriptor.Singleton<IViberDeduplicationStore>(static provider => new RedisViberDeduplicationStore(
            provider.GetRequiredService<RedisViberConnection>(),
            provider.GetRequiredService<IOptions<RedisViberOptions>>())));
        if (!services.Any(static descriptor => descriptor.ServiceType == typeof(RedisViberHealthCheck)))
        {
            services.AddSingleton<RedisViberHealthCheck>();
            services.AddHealthChecks().AddCheck<RedisViberHealthCheck>(RedisViberHealthCheck.Name, HealthStatus.Unhealthy, RedisViberHealthCheck.Tags);
        }
    }
}
