using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Handlers;
using Viber.AspNetCore.Hosting;

namespace Viber.AspNetCore;

/// <summary>Adds handlers and replaces parts of a bot added by <c>AddViberBot()</c>.</summary>
public static class ViberBotBuilderExtensions
{
    /// <summary>
    /// Adds a handler class: it implements <see cref="IViberEventHandler{TCallback}"/> for one or more callback types
    /// and/or <see cref="IViberConversationStartedHandler"/>. Handlers run in the order they are added; adding the same
    /// class twice adds it once.
    /// </summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <param name="lifetime">
    /// The handler's lifetime; scoped (one instance per callback) by default. A scoped or transient class with one
    /// public constructor is built from it for each callback, its parameters asked of the callback's services, so
    /// that a handler whose dependencies are all singletons creates no DI scope; a disposable class, or one the app
    /// registers itself, is resolved from the container.
    /// </param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The class implements no handler interface.</exception>
    public static IViberBotBuilder AddEventHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.Interfaces)] THandler>(
        this IViberBotBuilder builder,
        ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var handlerType = typeof(THandler);
        if (!handlerType.GetInterfaces().Any(IsHandlerInterface))
        {
            throw new ArgumentException(
                $"{handlerType.Name} implements neither IViberEventHandler<TCallback> nor IViberConversationStartedHandler, so it would never run.",
                nameof(THandler));
        }

        var added = builder.Services.Any(descriptor => descriptor.ImplementationInstance is ViberHandlerDescriptor handler && handler.HandlerType == handlerType);
        if (!added)
        {
            builder.Services.TryAdd(new ServiceDescriptor(handlerType, handlerType, lifetime));
            // A class with one public constructor can also be built directly (ViberHandlerDescriptor.ForDispatch).
            builder.Services.AddSingleton(new ViberHandlerDescriptor(
                handlerType,
                handlerType.Name,
                static services => services.GetRequiredService<THandler>(),
                ViberHandlerActivation.For<THandler>()));
        }

        return builder;
    }

    /// <summary>Adds a handler delegate for callbacks of one type; it gets the callback's DI scope to resolve services from.</summary>
    /// <typeparam name="TCallback">The callback type; <see cref="ViberCallback"/> for every callback.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder On<TCallback>(this IViberBotBuilder builder, Func<TCallback, IServiceProvider, CancellationToken, Task> handler)
        where TCallback : ViberCallback
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        builder.Services.AddSingleton(ViberHandlerDescriptor.ForDelegate($"On<{typeof(TCallback).Name}>", handler));
        return builder;
    }

    /// <summary>Adds a handler delegate for callbacks of one type that takes one service from the callback's DI scope.</summary>
    /// <typeparam name="TCallback">The callback type; <see cref="ViberCallback"/> for every callback.</typeparam>
    /// <typeparam name="TService">The service, such as <c>IViberBotClient</c>.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder On<TCallback, TService>(this IViberBotBuilder builder, Func<TCallback, TService, CancellationToken, Task> handler)
        where TCallback : ViberCallback
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        return builder.On<TCallback>((callback, services, cancellationToken) => handler(callback, services.GetRequiredService<TService>(), cancellationToken));
    }

    /// <summary>Adds a handler delegate for messages users send.</summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="handler">The handler; resolve services from the given provider (the callback's scope).</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder OnMessage(this IViberBotBuilder builder, Func<MessageCallback, IServiceProvider, CancellationToken, Task> handler)
        => builder.On(handler);

    /// <summary>
    /// Adds a conversation_started handler delegate whose result, when not <see langword="null"/>, is sent as the
    /// welcome message in the webhook's response.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="handler">Returns a new welcome message per call, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder OnConversationStarted(
        this IViberBotBuilder builder,
        Func<ConversationStartedCallback, IServiceProvider, CancellationToken, Task<ViberMessage?>> handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        builder.Services.AddSingleton(new ViberHandlerDescriptor(
            typeof(DelegateConversationStartedHandler),
            "OnConversationStarted",
            services => new DelegateConversationStartedHandler(handler, services)));
        return builder;
    }

    /// <summary>Replaces the in-memory deduplication store, for example with one shared by several instances.</summary>
    /// <typeparam name="TStore">The store; registered as a singleton.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddDeduplicationStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this IViberBotBuilder builder)
        where TStore : class, IViberDeduplicationStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IViberDeduplicationStore, TStore>());
        return builder;
    }

    /// <summary>Configures the HttpClient behind <c>IViberBotClient</c> (a proxy, a primary handler, extra handlers).</summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="configure">Configures the client's <see cref="IHttpClientBuilder"/>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder ConfigureHttpClient(this IViberBotBuilder builder, Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Services.AddHttpClient(ViberBotBuilder.HttpClientName));
        return builder;
    }

    private static bool IsHandlerInterface(Type type)
        => type == typeof(IViberConversationStartedHandler)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IViberEventHandler<>));
}
