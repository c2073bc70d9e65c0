using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Viber.AspNetCore.Users;

/// <summary>Configures or replaces the user-details cache's store of a bot added by <c>AddViberBot()</c>.</summary>
public static class ViberUserDetailsBuilderExtensions
{
    /// <summary>
    /// Replaces the in-memory user-details store, for example with one that every instance shares so the quota is
    /// counted once for the whole bot.
    /// </summary>
    /// <typeparam name="TStore">The store; registered as a singleton.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddUserDetailsStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this IViberBotBuilder builder)
        where TStore : class, IViberUserDetailsStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IViberUserDetailsStore, TStore>());
        return builder;
    }

    /// <summary>Sets the user-details options in code (they win over <c>Viber:UserDetails</c>).</summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder ConfigureUserDetails(this IViberBotBuilder builder, Action<ViberUserDetailsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
