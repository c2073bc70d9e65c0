using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Conversations;

/// <summary>
/// Binds <see cref="ViberConversationOptions"/> from <c>{bot section}:Conversations</c> of the app's configuration,
/// when the app has one (a bare service collection has none). Registered before any code settings, so those win.
/// </summary>
internal sealed class ViberConversationOptionsSetup(IServiceProvider services, string sectionPath) : IConfigureOptions<ViberConversationOptions>
{
    public void Configure(ViberConversationOptions options)
    {
        if (services.GetService(typeof(IConfiguration)) is IConfiguration configuration)
        {
            configuration.GetSection(sectionPath + ":" + ViberConversationOptions.SectionName).Bind(options);
        }
    }
}
