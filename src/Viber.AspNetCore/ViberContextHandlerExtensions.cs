using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Callbacks;

namespace Viber.AspNetCore;

/// <summary>Adds event handler delegates that get a <see cref="ViberContext"/>, so they can reply in one call.</summary>
public static class ViberContextHandlerExtensions
{
    /// <summary>
    /// Adds a handler delegate for callbacks of one type that gets the callback's <see cref="ViberContext"/>: for example
    /// <c>.On&lt;SubscribedCallback&gt;((context, _) =&gt; context.ReplyAsync("Thanks for subscribing!"))</c>. It runs with the
    /// other event handlers, in registration order (for a message, before the routes).
    /// </summary>
    /// <typeparam name="TCallback">The callback type; <see cref="ViberCallback"/> for every callback.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <param name="handler">The handler; it gets the context and the callback typed.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder On<TCallback>(this IViberBotBuilder builder, Func<ViberContext, TCallback, Task> handler)
        where TCallback : ViberCallback
    {
        ArgumentNullException.ThrowIfNull(handler);
        return builder.On<TCallback>((callback, services, cancellationToken) => handler(
            new ViberContext(
                callback,
                services.GetRequiredService<IViberBotClient>(),
                services,
                services.GetRequiredService<IOptions<ViberBotClientOptions>>().Value.DefaultSender,
                ViberContext.DefaultBotName,
                cancellationToken),
            callback));
    }
}
