using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.AspNetCore.Background;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Handlers;
using Viber.AspNetCore.Hosting;
using Viber.AspNetCore.Registration;
using Viber.AspNetCore.Routing;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore;

/// <summary>Adds a Viber bot to an app's services.</summary>
public static class ViberServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bot with its options bound from the app's <c>Viber</c> configuration section.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to add handlers with.</returns>
    public static IViberBotBuilder AddViberBot(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = AddCore(services, ViberBotOptions.SectionName);
        services.AddOptions<ViberBotOptions>().BindConfiguration(ViberBotOptions.SectionName);
        Conversations.ViberStateServices.BindConfiguration(services, ViberBotOptions.SectionName);
        return builder;
    }

    /// <summary>
    /// Adds the bot with its options bound from a configuration section, such as
    /// <c>builder.Configuration.GetSection("Viber")</c>. Safe to call more than once: services are added once and
    /// each call's configuration is applied.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>AuthToken</c>, <c>WebhookUrl</c>, ...</param>
    /// <returns>A builder to add handlers with.</returns>
    public static IViberBotBuilder AddViberBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddCore(services, configuration is IConfigurationSection section ? section.Path : ViberBotOptions.SectionName);
        services.AddOptions<ViberBotOptions>().Bind(configuration);
        Conversations.ViberStateServices.Bind(services, configuration);
        return builder;
    }

    /// <summary>Adds the bot with options set in code. Safe to call more than once.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add handlers with.</returns>
    public static IViberBotBuilder AddViberBot(this IServiceCollection services, Action<ViberBotOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services, ViberBotOptions.SectionName);
        services.Configure(configure);
        return builder;
    }

    private static ViberBotBuilder AddCore(IServiceCollection services, string sectionPath)
    {
        var builder = new ViberBotBuilder(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ViberBotMarkerService)))
        {
            return builder;
        }

        services.AddSingleton<ViberBotMarkerService>();

        services.AddOptionsWithValidateOnStart<ViberBotOptions>();
        services.AddSingleton<IValidateOptions<ViberBotOptions>>(new ViberBotOptionsValidator(sectionPath));
        services.AddSingleton<IPostConfigureOptions<ViberBotOptions>, ViberBotOptionsPostConfigure>();
        services.AddSingleton<IConfigureOptions<ViberBotClientOptions>, ViberClientOptionsSetup>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ViberMetrics>();
        services.TryAddSingleton<ViberRejectionLog>();

        services.TryAddSingleton<IViberDeduplicationStore, InMemoryViberDeduplicationStore>();
        services.TryAddSingleton<ViberPendingCompletions>();
        services.AddHostedService<ViberPendingCompletionWriter>();
        Conversations.ViberStateServices.Add(services, sectionPath);
        services.TryAddSingleton<ViberRouter>();
        services.TryAddSingleton<ViberHandlerTable>();
        services.TryAddSingleton<ViberClaimSettlement>();
        services.TryAddSingleton<ViberCallbackProcessor>();
        services.TryAddSingleton<ViberBackgroundQueue>();
        services.TryAddSingleton<IViberBackgroundQueue>(static provider => provider.GetRequiredService<ViberBackgroundQueue>());
        services.TryAddSingleton<ViberShutdown>();
        services.TryAddSingleton<ViberWebhookRequestHandler>();

        // Read when first resolved, once the container is built and the collection complete.
        services.TryAddSingleton(serviceProvider => new ViberSingletonServices(services, serviceProvider));
        services.TryAddSingleton<ViberWebhookRegistrationState>();
        // Before the dispatching and registration services: it completes the default sender before anything can send.
        services.AddHostedService(serviceProvider => new ViberSenderFallbackService(
            serviceProvider,
            serviceProvider.GetRequiredService<IOptions<ViberBotClientOptions>>(),
            serviceProvider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ViberSenderFallbackService>>(),
            sectionPath));
        services.AddHostedService<ViberBackgroundDispatcher>();
        services.AddHostedService<ViberWebhookRegistrationService>();
        services.AddHealthChecks().AddCheck<ViberHealthCheck>(ViberHealthCheck.Name);

        // MapViberWebhook() serves the webhook on tails of its path too, for a path base; this drops those where the
        // request's PathBase + Path is not the webhook path.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ViberWebhookMatcherPolicy>());

        // The client. It retries on its own (Polly inside ViberBotClient), so no resilience handler here.
        // IHttpClientFactory's request logging is replaced by ViberApiDiagnosticsHandler: its structured state carries
        // header values unredacted, the auth token included.
        services.TryAddTransient<ViberApiDiagnosticsHandler>();
        services.TryAddSingleton<ViberApiCallLimiter>();
        services.TryAddTransient<ViberApiConcurrencyHandler>();
        services.TryAddSingleton<IViberBroadcastBudget>(static serviceProvider => new ViberBroadcastBudget(
            serviceProvider.GetRequiredService<IOptions<ViberBotClientOptions>>(),
            serviceProvider.GetService<TimeProvider>()));
        services.AddHttpClient(ViberBotBuilder.HttpClientName)
            .RemoveAllLoggers()

            // The client's own timeouts (ViberBotClientOptions.AttemptTimeout and TotalTimeout) bound every call, so
            // HttpClient's 100 s default would only add a linked source and a timer per request. An app's
            // ConfigureHttpClient runs after this one and can still set one.
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
            {
                // Tunes the default handler only: one that an app, a test or the emulator put in its place (before or
                // after this call) is left as it is. One long-lived client (below) keeps its connections, so they are
                // recycled every few minutes to pick up DNS changes of the API host, which IHttpClientFactory's handler
                // rotation would otherwise do.
                if (handler is SocketsHttpHandler sockets)
                {
                    sockets.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
                    sockets.PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1);
                    sockets.UseCookies = false;

                    // No HttpClient activity and no trace headers for Bot API calls. As soon as the app has a logger,
                    // ASP.NET Core starts an activity for every request, and HttpClient then starts a child activity
                    // and writes traceparent for every send, listened to or not: 3-8% of the CPU of a webhook round trip
                    // (benchmarks/README.md). Viber ignores the header, so it would only hand the app's trace ids to a
                    // third party; ViberApiDiagnosticsHandler traces each attempt as viber.api.call when someone
                    // listens. docs/observability.md shows how an app turns HttpClient's tracing back on.
                    sockets.ActivityHeadersPropagator = null;
                }
            })
            .AddHttpMessageHandler<ViberApiDiagnosticsHandler>()
            .AddHttpMessageHandler<ViberApiConcurrencyHandler>();

        // One client for the app, not one per resolution: building it validates the options and builds its Polly
        // pipelines, which cost more than a send (see benchmarks/Viber.Benchmarks). It is stateless per call and
        // thread-safe, and its HttpClient comes from the named client above, so ConfigureHttpClient(), the emulator
        // and test handlers still apply.
        services.TryAddSingleton<IViberBotClient>(static serviceProvider => new ViberBotClient(
            serviceProvider.GetRequiredService<IHttpClientFactory>().CreateClient(ViberBotBuilder.HttpClientName),
            serviceProvider.GetRequiredService<IOptions<ViberBotClientOptions>>().Value,
            serviceProvider.GetService<TimeProvider>(),
            serviceProvider.GetRequiredService<IViberBroadcastBudget>().Limiter));
        return builder;
    }
}
