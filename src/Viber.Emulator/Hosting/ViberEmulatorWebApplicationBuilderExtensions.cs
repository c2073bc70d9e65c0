using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Viber.Emulator.Hosting;

/// <summary>Runs an app's bot against an in-app emulator when no Viber auth token is configured (the samples' default).</summary>
public static class ViberEmulatorWebApplicationBuilderExtensions
{
    /// <summary>
    /// When <c>{section}:AuthToken</c> is empty, registers an emulator inside the app and points the bot at it:
    /// <c>{section}:AuthToken</c> becomes the emulator's token, the bot's HTTP clients are served by the emulator
    /// in-process, and <c>{section}:WebhookUrl</c> becomes the app's own loopback address plus
    /// <paramref name="webhookPath"/>, which the emulator calls over HTTP. The emulated account is named after
    /// <c>{section}:Sender:Name</c> when it is set. Map the emulator (and its chat page)
    /// with <c>app.MapViberEmulator()</c> when this returns <see langword="true"/>.
    /// </summary>
    /// <param name="builder">The app builder; call this before <c>AddViberBot</c> reads its options.</param>
    /// <param name="section">The bot's configuration section; <c>Viber</c> by default.</param>
    /// <param name="webhookPath">The bot's webhook path; <c>/viber/webhook</c> by default.</param>
    /// <returns><see langword="true"/> when the emulator is used; <see langword="false"/> when a token is configured.</returns>
    /// <exception cref="InvalidOperationException">The app listens on port 0 or on no http address.</exception>
    public static bool UseViberEmulatorWhenNoToken(this WebApplicationBuilder builder, string section = "Viber", string webhookPath = "/viber/webhook")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(section);
        ArgumentException.ThrowIfNullOrEmpty(webhookPath);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{section}:AuthToken"]))
        {
            return false;
        }

        var appAddress = LoopbackAddress.FromUrls(builder.Configuration[WebHostDefaultsUrlsKey]);

        // A fresh token per run: the emulator accepts only it, exactly as Viber accepts only the bot's token.
        var token = "emulator-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{section}:AuthToken"] = token,
            [$"{section}:ApiBaseUrl"] = ViberEmulatorDefaults.InProcessApiBaseUrl,
            [$"{section}:WebhookUrl"] = new Uri(appAddress, webhookPath).ToString(),
        });
        // The emulated account is named as the bot signs its messages ({section}:Sender:Name), as a real account
        // usually is: the chat page's header and its message bubbles then name the bot alike.
        var senderName = builder.Configuration[$"{section}:Sender:Name"];
        builder.Services.AddViberEmulator(options =>
        {
            options.AuthToken = token;
            if (!string.IsNullOrWhiteSpace(senderName))
            {
                options.BotName = senderName;
            }
        });

        // Every IHttpClientFactory client is served by the emulator in-process: the sample has no other HTTP
        // dependency, and no request can leave the machine in emulator mode.
        builder.Services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(
            services => services.GetRequiredService<ViberEmulator>().CreateApiHandler()));
        builder.Services.AddSingleton(new ViberEmulatorBannerOptions(new Uri(appAddress, ViberEmulatorDefaults.AppPath)));
        builder.Services.AddHostedService<ViberEmulatorBannerService>();
        return true;
    }

    // Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey: set by ASPNETCORE_URLS and --urls.
    private const string WebHostDefaultsUrlsKey = "urls";
}
