using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Viber.Api;

namespace Viber.Emulator.Hosting;

/// <summary>
/// Runs an app's bot against an in-app emulator in development (the samples' default), and never silently elsewhere.
/// </summary>
public static class ViberEmulatorWebApplicationBuilderExtensions
{
    /// <summary>
    /// Decides whether the bot runs on an emulator inside the app, and if so sets it up. Emulator mode is used when
    /// <c>{section}:Emulator:Enabled</c> is <c>true</c>, or when it is not set, the environment is Development and
    /// <c>{section}:AuthToken</c> is empty. In any other environment a missing token is left missing, so
    /// <c>AddViberBot</c>'s validation stops the app at start-up with a message naming the key.
    /// </summary>
    /// <remarks>
    /// In emulator mode <c>{section}:AuthToken</c> becomes a fresh emulator token, only the bot's Viber client (the
    /// IHttpClientFactory client named <c>ViberBotClient.HttpClientName</c>) is served by the emulator in-process (the
    /// app's other HttpClients are untouched), and <c>{section}:WebhookUrl</c> becomes the app's own loopback address
    /// plus <paramref name="webhookPath"/>, which the emulator calls over HTTP. The emulated account is named after
    /// <c>{section}:Sender:Name</c> when it is set. Map the emulator (and its chat page)
    /// with <c>app.MapViberEmulator()</c> when this returns <see langword="true"/>. <c>{section}:Emulator:AllowRemoteClients</c>
    /// sets <see cref="ViberEmulatorOptions.AllowRemoteClients"/>.
    /// </remarks>
    /// <param name="builder">The app builder; call this before <c>AddViberBot</c> reads its options.</param>
    /// <param name="section">The bot's configuration section; <c>Viber</c> by default.</param>
    /// <param name="webhookPath">The bot's webhook path; <c>/viber/webhook</c> by default.</param>
    /// <returns><see langword="true"/> when the emulator is used.</returns>
    /// <exception cref="InvalidOperationException">Emulator mode is on and the app listens on port 0 or on no http address, or a setting is not a boolean.</exception>
    public static bool UseViberEmulatorWhenNoToken(this WebApplicationBuilder builder, string section = "Viber", string webhookPath = "/viber/webhook")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(section);
        ArgumentException.ThrowIfNullOrEmpty(webhookPath);
        var configuration = builder.Configuration;
        var enabled = ReadBoolean(configuration, $"{section}:Emulator:Enabled");
        var useEmulator = enabled ?? (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration[$"{section}:AuthToken"]));
        if (!useEmulator)
        {
            return false;
        }

        var appAddress = LoopbackAddress.FromUrls(configuration[WebHostDefaultsUrlsKey]);
        var allowRemote = ReadBoolean(configuration, $"{section}:Emulator:AllowRemoteClients") ?? false;

        // A fresh token per run: the emulator accepts only it, exactly as Viber accepts only the bot's token.
        var token = "emulator-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{section}:AuthToken"] = token,
            [$"{section}:ApiBaseUrl"] = ViberEmulatorDefaults.InProcessApiBaseUrl,
            [$"{section}:WebhookUrl"] = new Uri(appAddress, webhookPath).ToString(),
        });
        // The emulated account is named as the bot signs its messages ({section}:Sender:Name), as a real account
        // usually is: the chat page's header and its message bubbles then name the bot alike.
        var senderName = configuration[$"{section}:Sender:Name"];
        builder.Services.AddViberEmulator(options =>
        {
            options.AuthToken = token;
            options.AllowRemoteClients = allowRemote;
            if (!string.IsNullOrWhiteSpace(senderName))
            {
                options.BotName = senderName;
            }
        });

        // Only the Viber client is served by the emulator: a bot that also calls a weather or CRM API keeps reaching it.
        builder.Services.AddHttpClient(ViberBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(
            services => services.GetRequiredService<ViberEmulator>().CreateApiHandler());
        builder.Services.AddSingleton(new ViberEmulatorBannerOptions(new Uri(appAddress, ViberEmulatorDefaults.AppPath)));
        builder.Services.AddHostedService<ViberEmulatorBannerService>();
        return true;
    }

    // Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey: set by ASPNETCORE_URLS and --urls.
    private const string WebHostDefaultsUrlsKey = "urls";

    /// <summary>Reads an optional boolean setting without reflection (the package is AOT-compatible).</summary>
    private static bool? ReadBoolean(ConfigurationManager configuration, string key)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new InvalidOperationException($"{key} must be true or false, not '{text}' (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).");
    }
}
