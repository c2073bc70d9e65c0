using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Viber.Testing.Hosting;

/// <summary>Points a bot's web host at an emulator with no sockets (for WebApplicationFactory or a bare TestServer).</summary>
public static class ViberEmulatorWebHostBuilderExtensions
{
    /// <summary>
    /// Sets <c>Viber:AuthToken</c>, <c>Viber:ApiBaseUrl</c> and <c>Viber:WebhookUrl</c>, routes every HttpClient from
    /// the app's IHttpClientFactory to the emulator in-process, and routes the emulator's callbacks into the app's
    /// TestServer. An HttpClient created with <c>new</c> is not routed.
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
            services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => emulator.CreateApiHandler()));
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new TestServerCallbackStartupFilter(emulator));
        });
        return builder;
    }
}
