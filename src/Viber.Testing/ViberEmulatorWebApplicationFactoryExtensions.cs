using Microsoft.AspNetCore.Mvc.Testing;
using Viber.Emulator;
using Viber.Emulator.Hosting;

namespace Viber.Testing;

/// <summary>Runs a bot under WebApplicationFactory against an emulator, with no sockets.</summary>
public static class ViberEmulatorWebApplicationFactoryExtensions
{
    /// <summary>
    /// Returns a factory whose app talks to <paramref name="emulator"/>: configuration, HttpClients and callbacks
    /// are wired as <see cref="ViberEmulatorWebHostBuilderExtensions.UseViberEmulator"/> describes.
    /// </summary>
    /// <typeparam name="TEntryPoint">The bot's entry point.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="emulator">The emulator playing Viber.</param>
    /// <param name="webhookUrl">The webhook URL the bot should register; its path is where the bot listens.</param>
    /// <returns>A new factory; dispose it as usual.</returns>
    public static WebApplicationFactory<TEntryPoint> WithViberEmulator<TEntryPoint>(
        this WebApplicationFactory<TEntryPoint> factory,
        ViberEmulator emulator,
        string webhookUrl = ViberEmulatorDefaults.InProcessWebhookUrl)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithWebHostBuilder(builder => builder.UseViberEmulator(emulator, webhookUrl));
    }
}
