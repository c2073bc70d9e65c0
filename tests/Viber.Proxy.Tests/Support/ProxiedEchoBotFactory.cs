using EchoBot;
using Microsoft.AspNetCore.Mvc.Testing;
using Viber.Api;
using Viber.Emulator;
using Viber.Emulator.Hosting;

namespace Viber.Proxy.Tests.Support;

/// <summary>
/// The EchoBot sample as the README runs it behind a proxy, configured only through Viber:* settings: the public
/// webhook URL is the proxy's, and its Bot API client talks to the emulator in-process. The caller starts it on a
/// real Kestrel port with <c>UseKestrel(port)</c>.
/// </summary>
/// <param name="emulator">Viber.</param>
/// <param name="webhookUrl">The proxy's public URL of the webhook.</param>
public sealed class ProxiedEchoBotFactory(ViberEmulator emulator, Uri webhookUrl) : WebApplicationFactory<EchoBotApp>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Viber:AuthToken", emulator.AuthToken);
        builder.UseSetting("Viber:ApiBaseUrl", ViberEmulatorDefaults.InProcessApiBaseUrl);
        builder.UseSetting("Viber:WebhookUrl", webhookUrl.ToString());
        builder.ConfigureServices(services =>
            services.AddHttpClient(ViberBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => emulator.CreateApiHandler()));
    }
}
