using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Redis.Hosting;

/// <summary>
/// Binds <see cref="RedisViberOptions"/> from the <c>Viber:Redis</c> section of the app's configuration, when the app
/// has one. Registered before any code configuration, so settings made in code win over the configuration.
/// </summary>
/// <param name="configuration">The app's configuration; <see langword="null"/> in a bare service collection.</param>
internal sealed class RedisViberOptionsSetup(IConfiguration? configuration = null) : IConfigureOptions<RedisViberOptions>
{
    public void Configure(RedisViberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        configuration?.GetSection(RedisViberOptions.SectionName).Bind(options);
    }
}
