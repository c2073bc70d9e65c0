using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Viber.AspNetCore.Conversations;

/// <summary>Configures or replaces the conversation store of a bot added by <c>AddViberBot()</c>.</summary>
public static class ViberConversationBuilderExtensions
{
    /// <summary>Replaces the in-memory conversation store, for example with one shared by several instances.</summary>
    /// <typeparam name="TStore">The store; registered as a singleton.</typeparam>
    /// <param name="builder">The bot builder.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder AddConversationStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this IViberBotBuilder builder)
        where TStore : class, IViberConversationStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IViberConversationStore, TStore>());
        return builder;
    }

    /// <summary>Sets the conversation options in code (they win over <c>Viber:Conversations</c>).</summary>
    /// <param name="builder">The bot builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IViberBotBuilder ConfigureConversations(this IViberBotBuilder builder, Action<ViberConversationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
