using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Viber.Emulator.Hosting;

/// <summary>Registers the emulator in an app's services (for running a bot against it, as the samples do).</summary>
public static class ViberEmulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="ViberEmulator"/> singleton, built from <see cref="ViberEmulatorOptions"/>, the
    /// registered <see cref="TimeProvider"/> (the system clock unless one is registered) and logging.
    /// Calling it again only adds more option configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the emulator, if needed.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddViberEmulator(this IServiceCollection services, Action<ViberEmulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ViberEmulatorOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ViberEmulator(
            provider.GetRequiredService<IOptions<ViberEmulatorOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ViberEmulator>>()));
        return services;
    }
}
