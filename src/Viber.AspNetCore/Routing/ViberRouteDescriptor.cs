namespace Viber.AspNetCore.Routing;

/// <summary>
/// One route, in registration order: its matcher and its handler. Registered as a singleton instance per route, so
/// the order of the service collection is the order routes are tried in.
/// </summary>
/// <param name="Matcher">Decides whether the route takes a message; <see langword="null"/> for the fallback.</param>
/// <param name="Name">The name used in logs, traces and metrics.</param>
/// <param name="Handler">Handles a message the route took.</param>
internal sealed record ViberRouteDescriptor(ViberMessageMatcher? Matcher, string Name, Func<ViberMessageContext, Task> Handler)
{
    /// <summary>Gets a value indicating whether this is the fallback, tried only when no other route took the message.</summary>
    public bool IsFallback => Matcher is null;
}
