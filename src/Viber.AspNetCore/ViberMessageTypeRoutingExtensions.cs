using Microsoft.Extensions.DependencyInjection;
using Viber.Api.Messages;
using Viber.AspNetCore.Routing;

namespace Viber.AspNetCore;

/// <summary>
/// Routes messages by their type. Routes are tried in the order they are added, after the event handlers; the first
/// that takes a message handles it.
/// </summary>
public static class ViberMessageTypeRoutingExtensions
{
    /// <summary>
    /// Routes messages of one type, such as <see cref="PictureMessage"/>, <see cref="LocationMessage"/> or <see
    /// cref="ContactMessage"/>; the handler gets the message typed.
    /// </summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <param name="handler">Handles the message; reply with <c>context.ReplyAsync(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder OnMessage<TMessage>(this IViberBotBuilder builder, Func<ViberMessageContext, TMessage, Task> handler)
        where TMessage : ViberMessage
        => builder.Route(ViberMessageMatcher.MessageType<TMessage>(), NotNull(handler, context => handler(context, (TMessage)context.Message)));

    /// <inheritdoc cref="OnMessage{TMessage}(IViberBotBuilder, Func{ViberMessageContext, TMessage, Task})"/>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnMessage<TMessage, T1>(this IViberBotBuilder builder, Func<ViberMessageContext, TMessage, T1, Task> handler)
        where TMessage : ViberMessage
        where T1 : notnull
        => builder.Route(ViberMessageMatcher.MessageType<TMessage>(), NotNull(handler, context => handler(context, (TMessage)context.Message, context.Services.GetRequiredService<T1>())));

    /// <inheritdoc cref="OnMessage{TMessage}(IViberBotBuilder, Func{ViberMessageContext, TMessage, Task})"/>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnMessage<TMessage, T1, T2>(this IViberBotBuilder builder, Func<ViberMessageContext, TMessage, T1, T2, Task> handler)
        where TMessage : ViberMessage
        where T1 : notnull
        where T2 : notnull
        => builder.Route(ViberMessageMatcher.MessageType<TMessage>(), NotNull(handler, context => handler(context, (TMessage)context.Message, context.Services.GetRequiredService<T1>(), context.Services.GetRequiredService<T2>())));

    /// <inheritdoc cref="OnMessage{TMessage}(IViberBotBuilder, Func{ViberMessageContext, TMessage, Task})"/>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <typeparam name="T1">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T2">A service resolved from the callback's DI scope for each call.</typeparam>
    /// <typeparam name="T3">A service resolved from the callback's DI scope for each call.</typeparam>
    public static IViberBotBuilder OnMessage<TMessage, T1, T2, T3>(this IViberBotBuilder builder, Func<ViberMessageContext, TMessage, T1, T2, T3, Task> handler)
        where TMessage : ViberMessage
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        => builder.Route(ViberMessageMatcher.MessageType<TMessage>(), NotNull(handler, context => handler(context, (TMessage)context.Message, context.Services.GetRequiredService<T1>(), context.Services.GetRequiredService<T2>(), context.Services.GetRequiredService<T3>())));

    private static Func<ViberMessageContext, Task> NotNull(Delegate handler, Func<ViberMessageContext, Task> adapted)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return adapted;
    }
}
