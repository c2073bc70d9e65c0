using Microsoft.Extensions.DependencyInjection;

namespace Viber.AspNetCore.Routing;

/// <summary>
/// Turns route delegates that take services into ones that take only the context, resolving the services from the
/// callback's scope with closed generic calls (no reflection at dispatch).
/// </summary>
internal static class ViberRouteHandlers
{
    public static Func<ViberMessageContext, Task> With<T1>(Func<ViberMessageContext, T1, Task> handler)
        where T1 : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        return context => handler(context, context.Services.GetRequiredService<T1>());
    }

    public static Func<ViberMessageContext, Task> With<T1, T2>(Func<ViberMessageContext, T1, T2, Task> handler)
        where T1 : notnull
        where T2 : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        return context => handler(context, context.Services.GetRequiredService<T1>(), context.Services.GetRequiredService<T2>());
    }

    public static Func<ViberMessageContext, Task> With<T1, T2, T3>(Func<ViberMessageContext, T1, T2, T3, Task> handler)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        return context => handler(
            context,
            context.Services.GetRequiredService<T1>(),
            context.Services.GetRequiredService<T2>(),
            context.Services.GetRequiredService<T3>());
    }
}
