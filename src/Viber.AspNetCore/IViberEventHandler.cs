using Viber.Api.Callbacks;

namespace Viber.AspNetCore;

/// <summary>
/// Handles callbacks of one type. Register with <c>AddEventHandler&lt;THandler&gt;()</c>; one instance is made per
/// callback with the callback's DI scope, so scoped services (a DbContext, for example) can be injected. Several handlers of
/// one callback type run in registration order; a handler of <see cref="ViberCallback"/> sees every callback
/// (including <see cref="UnknownCallback"/>, an event this library does not know yet).
/// </summary>
/// <typeparam name="TCallback">
/// The callback type, such as <see cref="MessageCallback"/>. Deliberately not contravariant: a class that implements
/// this interface for <see cref="MessageCallback"/> and for <see cref="ViberCallback"/> gets both calls for a message.
/// </typeparam>
public interface IViberEventHandler<TCallback>
    where TCallback : ViberCallback
{
    /// <summary>Handles one callback. Throwing makes the webhook answer 500, so Viber retries the callback later.</summary>
    /// <param name="callback">The callback, already signature-checked and deduplicated.</param>
    /// <param name="cancellationToken">
    /// Cancelled when the app's shutdown deadline passes and, inline, after <c>Viber:HandlerTimeout</c>. Valid only
    /// while this call runs: like <c>HttpContext.RequestAborted</c>, its source may serve a later callback afterwards.
    /// </param>
    /// <returns>A task that completes when the callback is handled.</returns>
    Task HandleAsync(TCallback callback, CancellationToken cancellationToken);
}
