using System.Text.RegularExpressions;
using Viber.AspNetCore.Routing;

namespace Viber.AspNetCore;

/// <summary>
/// Routes keyboard and rich media button taps by their <c>ActionBody</c>. Routes are tried in the order they are added,
/// after the event handlers; the first that takes a message handles it.
/// </summary>
public static class ViberActionRoutingExtensions
{
    /// <summary>
    /// Routes button taps by their <c>ActionBody</c> (a <c>reply</c> button's tap arrives as a text message carrying
    /// it) against a template: <c>"buy:{sku}"</c> takes <c>buy:42</c> with <c>context["sku"] == "42"</c>; <c>{name}</c>
    /// stands for one or more characters. The template is compiled once, here.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="template">The template, such as <c>"buy:{sku}"</c>; without <c>{...}</c> it matches exactly that text.</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder OnAction(this IViberBotBuilder builder, string template, Func<ViberMessageContext, Task> handler)
        => builder.Route(ViberMessageMatcher.Action(template), handler);

    /// <inheritdoc cref="OnAction(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnAction<T1>(this IViberBotBuilder builder, string template, Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
        => builder.Route(ViberMessageMatcher.Action(template), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnAction(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnAction<T1, T2>(this IViberBotBuilder builder, string template, Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
        => builder.Route(ViberMessageMatcher.Action(template), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnAction(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnAction<T1, T2, T3>(this IViberBotBuilder builder, string template, Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Route(ViberMessageMatcher.Action(template), ViberRouteHandlers.With(handler));

    /// <summary>
    /// Routes button taps whose <c>ActionBody</c> <paramref name="regex"/> finds a match in; its groups are the
    /// captures.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="regex">The regular expression, such as a <c>[GeneratedRegex]</c>.</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder OnAction(this IViberBotBuilder builder, Regex regex, Func<ViberMessageContext, Task> handler)
        => builder.Route(ViberMessageMatcher.Action(regex), handler);

    /// <inheritdoc cref="OnAction(IViberBotBuilder, Regex, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnAction<T1>(this IViberBotBuilder builder, Regex regex, Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
        => builder.Route(ViberMessageMatcher.Action(regex), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnAction(IViberBotBuilder, Regex, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnAction<T1, T2>(this IViberBotBuilder builder, Regex regex, Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
        => builder.Route(ViberMessageMatcher.Action(regex), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnAction(IViberBotBuilder, Regex, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnAction<T1, T2, T3>(this IViberBotBuilder builder, Regex regex, Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Route(ViberMessageMatcher.Action(regex), ViberRouteHandlers.With(handler));
}
