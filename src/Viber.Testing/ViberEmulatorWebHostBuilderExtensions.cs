using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Viber.Api;
using Viber.Emulator;
using Viber.Emulator.Hosting;

namespace Viber.Testing;

/// <summary>Points a bot's web host at an emulator with no sockets (for WebApplicationFactory or a bare TestServer).</summary>
public static class ViberEmulatorWebHostBuilderExtensions
{
    /// <summary>
    /// Sets <c>Viber:AuthToken</c>, <c>Viber:ApiBaseUrl</c> and <c>Viber:WebhookUrl</c>, serves the bot's Viber client
    /// (the IHttpClientFactory client named <see cref="ViberBotClient.HttpClientName"/>) from the emulator in-process,
    /// and routes the emulator's callbacks into the app's TestServer. The app's other HttpClients are left alone.
    /// </summary>
    /// <param name="builder">The bot's web host builder.</param>
    /// <param name="emulator">The emulator playing Viber.</param>
    /// <param name="webhookUrl">The webhook URL the bot should register; its path is where the bot listens.</param>
    /// <returns>The builder.</returns>
    public static IWebHostBuilder UseViberEmulator(this IWebHostBuilder builder, ViberEmulator emulator, string webhookUrl = ViberEmulatorDefaults.InProcessWebhookUrl)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentException.ThrowIfNullOrEmpty(webhookUrl);
        builder.UseSetting("Viber:AuthToken", emulator.AuthToken);
        builder.UseSetting("Viber:ApiBaseUrl", ViberEmulatorDefaults.InProcessApiBaseUrl);
        builder.UseSetting("Viber:WebhookUrl", webhookUrl);
        builder.ConfigureServices(services =>
        {
            services.AddHttpClient(ViberBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => emulator.CreateApiHandler());
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new TestServerCallbackStartupFilter(emulator));
        });
        return builder;
    }
}
