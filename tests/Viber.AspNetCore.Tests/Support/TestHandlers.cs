using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>Handlers that record into <see cref="CallbackLog"/> under a name.</summary>
public static class TestHandlers
{
    /// <summary>Adds a delegate handler that records callbacks of <typeparamref name="TCallback"/> as <paramref name="name"/>.</summary>
    public static IViberBotBuilder Record<TCallback>(this IViberBotBuilder builder, string name)
        where TCallback : ViberCallback
        => builder.On<TCallback, CallbackLog>((callback, log, _) =>
        {
            log.Add(name, callback);
            return Task.CompletedTask;
        });

    /// <summary>Records every callback as <c>all</c>.</summary>
    public static void RecordAll(IViberBotBuilder builder) => builder.Record<ViberCallback>("all");
}
