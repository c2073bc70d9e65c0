using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Users;

/// <summary>
/// Binds <see cref="ViberUserDetailsOptions"/> from <c>{bot section}:UserDetails</c> of the app's configuration,
/// when the app has one. Registered before any code settings, so those win.
/// </summary>
internal sealed class ViberUserDetailsOptionsSetup(IServiceProvider services, string sectionPath) : IConfigureOptions<ViberUserDetailsOptions>
{
    public void Configure(ViberUserDetailsOptions options)
    {
        if (services.GetService(typeof(IConfiguration)) is IConfiguration configuration)
        {
            configuration.GetSection(sectionPath + ":" + ViberUserDetailsOptions.SectionName).Bind(options);
        }
    }
}
