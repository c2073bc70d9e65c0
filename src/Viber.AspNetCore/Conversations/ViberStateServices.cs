using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Conversations;

/// <summary>
/// Registers the defaults of conversation state and the user-details cache for <c>AddViberBot()</c>: in-memory
/// stores (replaceable) and their options, validated at start and bound wherever the bot's own options are bound
/// (<c>{section}:Conversations</c>, <c>{section}:UserDetails</c>).
/// </summary>
internal static class ViberStateServices
{
    public static void Add(IServiceCollection services, string sectionPath)
    {
        services.AddOptionsWithValidateOnStart<ViberConversationOptions>();
        services.AddSingleton<IValidateOptions<ViberConversationOptions>>(new ViberConversationOptionsValidator(sectionPath));
        services.TryAddSingleton<IViberConversationStore, InMemoryViberConversationStore>();

        services.AddOptionsWithValidateOnStart<ViberUserDetailsOptions>();
        services.AddSingleton<IValidateOptions<ViberUserDetailsOptions>>(new ViberUserDetailsOptionsValidator(sectionPath));
        services.TryAddSingleton<IViberUserDetailsStore, InMemoryViberUserDetailsStore>();
        services.TryAddSingleton<IViberUserDetailsCache, ViberUserDetailsCache>();
    }

    /// <summary>Binds the options from sub-sections of the bot's configuration section.</summary>
    public static void Bind(IServiceCollection services, IConfiguration botSection)
    {
        services.AddOptions<ViberConversationOptions>().Bind(botSection.GetSection(ViberConversationOptions.SectionName));
        services.AddOptions<ViberUserDetailsOptions>().Bind(botSection.GetSection(ViberUserDetailsOptions.SectionName));
    }

    /// <summary>Binds the options from sub-sections of the app's configuration at the bot's section path.</summary>
    public static void BindConfiguration(IServiceCollection services, string sectionPath)
    {
        services.AddOptions<ViberConversationOptions>().BindConfiguration(sectionPath + ":" + ViberConversationOptions.SectionName);
        services.AddOptions<ViberUserDetailsOptions>().BindConfiguration(sectionPath + ":" + ViberUserDetailsOptions.SectionName);
    }
}
