using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Background;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>Makes background dispatch durable with Redis Streams.</summary>
public static class RedisViberStreamsBuilderExtensions
{
    /// <summary>
    /// With <c>Viber:DispatchMode=Background</c>, appends every accepted callback to a Redis Stream before answering
    /// 200, and runs the handlers on workers that acknowledge an entry only after its handlers succeeded; entries an
    /// instance left unfinished are claimed by another, and one that keeps failing goes to a dead-letter stream.
    /// Adds Redis deduplication too (<c>AddRedisDeduplication()</c>, connecting with <c>Viber:Redis:Configuration</c>)
    /// unless it was added already; call <c>AddRedisDeduplication(...)</c> first to connect differently. Options bind
    /// from <c>Viber:Redis:Streams</c> (see <see cref="RedisViberStreamOptions"/>). Safe to call more than once.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="configure">Sets the options, over those bound from the configuration; optional.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRedisBackgroundDispatch(this IViberBotBuilder builder, Action<RedisViberStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // The shared store makes retries and re-deliveries idempotent across instances; added once, keeping any
        // connection the app chose with an earlier AddRedisDeduplication(...) call.
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(Hosting.RedisViberConnection)))
        {
            builder.AddRedisDeduplication();
        }

        services.AddOptionsWithValidateOnStart<RedisViberStreamOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RedisViberStreamOptions>, RedisStreamOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisViberStreamOptions>, RedisStreamOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(descriptor => descriptor.ServiceType == typeof(RedisStreamLayout)))
        {
            return builder;
        }

        services.AddSingleton<RedisStreamLayout>();
        services.AddSingleton<RedisStreamSignals>();
        services.AddSingleton<RedisStreamLeases>();
        services.AddSingleton<RedisStreamWorker>();
        services.Replace(ServiceDescriptor.Singleton<IViberBackgroundQueue, RedisStreamQueue>());
        services.AddHostedService<RedisStreamDispatcher>();
        services.AddHealthChecks().AddCheck<RedisStreamHealthCheck>(RedisStreamHealthCheck.Name);
        return builder;
    }
}
