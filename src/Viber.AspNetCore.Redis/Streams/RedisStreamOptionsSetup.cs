using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// Binds <see cref="RedisViberStreamOptions"/> from <c>Viber:Redis:Streams</c> when the app has a configuration.
/// Registered before code configuration, so settings made in code win.
/// </summary>
/// <param name="configuration">The app's configuration; <see langword="null"/> in a bare service collection.</param>
internal sealed class RedisStreamOptionsSetup(IConfiguration? configuration = null) : IConfigureOptions<RedisViberStreamOptions>
{
    public void Configure(RedisViberStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        configuration?.GetSection(RedisViberStreamOptions.SectionName).Bind(options);
    }
}
