using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Conversations;

/// <summary>
/// Registers the defaults of conversation state and the user-details cache for <c>AddViberBot()</c>: in-memory
/// stores (replaceable), their options bound from the bot's section and validated at start.
/// </summary>
internal static class ViberStateServices
{
    public static void Add(IServiceCollection services, string sectionPath)
    {
        services.AddOptionsWithValidateOnStart<ViberConversationOptions>();
        services.AddSingleton<IConfigureOptions<ViberConversationOptions>>(sp => new ViberConversationOptionsSetup(sp, sectionPath));
        services.AddSingleton<IValidateOptions<ViberConversationOptions>>(new ViberConversationOptionsValidator(sectionPath));
        services.TryAddSingleton<IViberConversationStore, InMemoryViberConversationStore>();

        services.AddOptionsWithValidateOnStart<ViberUserDetailsOptions>();
        services.AddSingleton<IConfigureOptions<ViberUserDetailsOptions>>(sp => new ViberUserDetailsOptionsSetup(sp, sectionPath));
        services.AddSingleton<IValidateOptions<ViberUserDetailsOptions>>(new ViberUserDetailsOptionsValidator(sectionPath));
        services.TryAddSingleton<IViberUserDetailsStore, InMemoryViberUserDetailsStore>();
        services.TryAddSingleton<IViberUserDetailsCache, ViberUserDetailsCache>();
    }
}
