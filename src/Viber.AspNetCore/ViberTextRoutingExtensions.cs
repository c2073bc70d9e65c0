using System.Text.RegularExpressions;
using Viber.AspNetCore.Routing;

namespace Viber.AspNetCore;

/// <summary>
/// Routes text messages by their text. Routes are tried in the order they are added, after the event handlers; the
/// first that takes a message handles it.
/// </summary>
public static class ViberTextRoutingExtensions
{
    /// <summary>
    /// Routes text messages whose whole text equals <paramref name="text"/> (ordinal, case-sensitive).
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="text">The text, such as <c>"ping"</c>.</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder OnText(this IViberBotBuilder builder, string text, Func<ViberMessageContext, Task> handler)
        => builder.Route(ViberMessageMatcher.Text(text), handler);

    /// <inheritdoc cref="OnText(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnText<T1>(this IViberBotBuilder builder, string text, Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
        => builder.Route(ViberMessageMatcher.Text(text), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnText(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnText<T1, T2>(this IViberBotBuilder builder, string text, Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
        => builder.Route(ViberMessageMatcher.Text(text), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnText(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnText<T1, T2, T3>(this IViberBotBuilder builder, string text, Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Route(ViberMessageMatcher.Text(text), ViberRouteHandlers.With(handler));

    /// <summary>
    /// Routes text messages whose whole text equals <paramref name="text"/>, ignoring case (ordinal, so the same in
    /// every culture).
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="text">The text, such as <c>"ping"</c>, which then also takes "Ping" and "PING".</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder OnTextIgnoreCase(this IViberBotBuilder builder, string text, Func<ViberMessageContext, Task> handler)
        => builder.Route(ViberMessageMatcher.Text(text, StringComparison.OrdinalIgnoreCase), handler);

    /// <inheritdoc cref="OnTextIgnoreCase(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnTextIgnoreCase<T1>(this IViberBotBuilder builder, string text, Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
        => builder.Route(ViberMessageMatcher.Text(text, StringComparison.OrdinalIgnoreCase), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnTextIgnoreCase(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnTextIgnoreCase<T1, T2>(this IViberBotBuilder builder, string text, Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
        => builder.Route(ViberMessageMatcher.Text(text, StringComparison.OrdinalIgnoreCase), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnTextIgnoreCase(IViberBotBuilder, string, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnTextIgnoreCase<T1, T2, T3>(this IViberBotBuilder builder, string text, Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Route(ViberMessageMatcher.Text(text, StringComparison.OrdinalIgnoreCase), ViberRouteHandlers.With(handler));

    /// <summary>
    /// Routes text messages in which <paramref name="regex"/> finds a match; its groups are in <see
    /// cref="ViberMessageContext.Captures"/> and <see cref="ViberMessageContext.Match"/>. Anchor it (<c>^...$</c>) to
    /// match the whole text; pass a <c>[GeneratedRegex]</c> for the fastest, AOT-friendly matching.
    /// </summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="regex">The regular expression, such as <c>new Regex("^ping$", RegexOptions.IgnoreCase)</c>.</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder OnText(this IViberBotBuilder builder, Regex regex, Func<ViberMessageContext, Task> handler)
        => builder.Route(ViberMessageMatcher.Text(regex), handler);

    /// <inheritdoc cref="OnText(IViberBotBuilder, Regex, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnText<T1>(this IViberBotBuilder builder, Regex regex, Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
        => builder.Route(ViberMessageMatcher.Text(regex), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnText(IViberBotBuilder, Regex, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnText<T1, T2>(this IViberBotBuilder builder, Regex regex, Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
        => builder.Route(ViberMessageMatcher.Text(regex), ViberRouteHandlers.With(handler));

    /// <inheritdoc cref="OnText(IViberBotBuilder, Regex, Func{ViberMessageContext, Task})"/>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnText<T1, T2, T3>(this IViberBotBuilder builder, Regex regex, Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Route(ViberMessageMatcher.Text(regex), ViberRouteHandlers.With(handler));
}
