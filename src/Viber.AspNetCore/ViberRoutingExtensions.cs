using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Viber.AspNetCore.Routing;

namespace Viber.AspNetCore;

/// <summary>
/// Adds routes for the messages users send: by matcher, predicate, route class, and a fallback. See also <c>OnText</c>,
/// <c>OnAction</c> and <c>OnMessage&lt;TMessage&gt;</c>.
/// </summary>
public static class ViberRoutingExtensions
{
    /// <summary>
    /// Adds a route: messages <paramref name="matcher"/> takes go to <paramref name="handler"/>. Routes are tried in
    /// the order they are added, after every event handler of the message ran; the first that takes a message handles
    /// it.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="matcher">Decides which messages the route takes (see <see cref="ViberMessageMatcher"/>).</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder Route(this IViberBotBuilder builder, ViberMessageMatcher matcher, Func<ViberMessageContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(handler);
        builder.Services.AddSingleton(new ViberRouteDescriptor(matcher, matcher.Description, handler));
        return builder;
    }

    /// <inheritdoc cref="Route(IViberBotBuilder, ViberMessageMatcher, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder Route<T1>(this IViberBotBuilder builder, ViberMessageMatcher matcher, Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
        => builder.Route(matcher, ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="Route(IViberBotBuilder, ViberMessageMatcher, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder Route<T1, T2>(this IViberBotBuilder builder, ViberMessageMatcher matcher, Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
        => builder.Route(matcher, ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="Route(IViberBotBuilder, ViberMessageMatcher, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder Route<T1, T2, T3>(this IViberBotBuilder builder, ViberMessageMatcher matcher, Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Route(matcher, ViberRouteHandlers.With(handler));

    /// <summary>Routes the messages for which <paramref name="predicate"/> returns <see langword="true"/>.</summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="predicate">The test; it gets the message's context (user, text, tracking data).</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder When(this IViberBotBuilder builder, Func<ViberMessageContext, bool> predicate, Func<ViberMessageContext, Task> handler)
        => builder.Route(ViberMessageMatcher.When(predicate), handler);

    /// <inheritdoc cref="When(IViberBotBuilder, Func{ViberMessageContext, bool}, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder When<T1>(this IViberBotBuilder builder, Func<ViberMessageContext, bool> predicate, Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
        => builder.Route(ViberMessageMatcher.When(predicate), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="When(IViberBotBuilder, Func{ViberMessageContext, bool}, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder When<T1, T2>(this IViberBotBuilder builder, Func<ViberMessageContext, bool> predicate, Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
        => builder.Route(ViberMessageMatcher.When(predicate), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="When(IViberBotBuilder, Func{ViberMessageContext, bool}, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder When<T1, T2, T3>(this IViberBotBuilder builder, Func<ViberMessageContext, bool> predicate, Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Route(ViberMessageMatcher.When(predicate), ViberRouteHandlers.With(handler));

    /// <summary>
    /// Adds the fallback: it handles the messages no route took, wherever it is added. Only the first fallback added
    /// runs.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder Otherwise(this IViberBotBuilder builder, Func<ViberMessageContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        builder.Services.AddSingleton(new ViberRouteDescriptor(null, "fallback", handler));
        return builder;
    }

    /// <inheritdoc cref="Otherwise(IViberBotBuilder, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder Otherwise<T1>(this IViberBotBuilder builder, Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
        => builder.Otherwise(ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="Otherwise(IViberBotBuilder, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder Otherwise<T1, T2>(this IViberBotBuilder builder, Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
        => builder.Otherwise(ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="Otherwise(IViberBotBuilder, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder Otherwise<T1, T2, T3>(this IViberBotBuilder builder, Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Otherwise(ViberRouteHandlers.With(handler));

    /// <summary>
    /// Adds a route written as a class: messages <paramref name="matcher"/> takes are handled by a
    /// <typeparamref name="TRoute"/> resolved from the callback's DI scope. Adding the same class twice registers it once
    /// (with two matchers).
    /// </summary>
    /// <typeparam name="TRoute">The route class.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <param name="matcher">Decides which messages the route takes, such as <c>ViberMessageMatcher.Action("buy:{sku}")</c>.</param>
    /// <param name="lifetime">The class's lifetime; scoped (one instance per callback) by default.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddRoute<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRoute>(
        this IViberBotBuilder builder,
        ViberMessageMatcher matcher,
        ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where TRoute : class, IViberRoute
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(matcher);
        builder.Services.TryAdd(new ServiceDescriptor(typeof(TRoute), typeof(TRoute), lifetime));
        builder.Services.AddSingleton(new ViberRouteDescriptor(
            matcher,
            $"{typeof(TRoute).Name} ({matcher.Description})",
            static context => context.Services.GetRequiredService<TRoute>().HandleAsync(context)));
        return builder;
    }
}
