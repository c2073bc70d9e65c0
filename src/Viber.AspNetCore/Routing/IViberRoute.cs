namespace Viber.AspNetCore.Routing;

/// <summary>
/// A route written as a class, added with <c>AddRoute&lt;TRoute&gt;(matcher)</c>: resolved from the callback's DI scope
/// (scoped by default, so a DbContext can be injected) only when its matcher takes the message.
/// </summary>
public interface IViberRoute
{
    /// <summary>Handles a message the route's matcher took. Throwing makes the webhook answer 500, so Viber retries.</summary>
    /// <param name="context">The message's context: the message, its captures, replies.</param>
    /// <returns>A task that completes when the message is handled.</returns>
    Task HandleAsync(ViberMessageContext context);
}
