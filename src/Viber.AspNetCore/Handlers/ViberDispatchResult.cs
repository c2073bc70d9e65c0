using Viber.Api.Messages;

namespace Viber.AspNetCore.Handlers;

/// <summary>The outcome of running a callback's handlers.</summary>
/// <param name="WelcomeMessage">The welcome message a conversation_started handler returned, if any.</param>
/// <param name="FailedHandler">The name of the handler that threw, if one did.</param>
/// <param name="Exception">What the failed handler threw; the handlers after it did not run.</param>
internal readonly record struct ViberDispatchResult(ViberMessage? WelcomeMessage, string? FailedHandler, Exception? Exception)
{
    /// <summary>Gets a value indicating whether every handler succeeded.</summary>
    public bool Succeeded => Exception is null;
}
