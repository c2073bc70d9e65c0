using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Viber.AspNetCore;
using Viber.Emulator;
using Viber.Emulator.Hosting;

namespace Viber.Browser.Tests.Support;

/// <summary>
/// A bot app on Kestrel at 127.0.0.1 in emulator mode: <see cref="ShopBot"/> on Viber.AspNetCore, the emulator and
/// its chat page in the same app. The bot's HttpClients reach the emulator in-process; the emulator calls the
/// webhook over real loopback HTTP, as it calls any bot.
/// </summary>
internal sealed class BotApp : IAsyncDisposable
{
    public const string Token = "browser-tests-token-5f1c";
    public const string BotName = "Pizza Bot";

    private readonly WebApplication _app;

    private BotApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri PageUrl => new(BaseAddress, ViberEmulatorDefaults.AppPath + "/");

    public ViberEmulator Emulator => _app.Services.GetRequiredService<ViberEmulator>();

    public static async Task<BotApp> StartAsync(CancellationToken cancellationToken)
    {
        // The webhook URL is validated when the app starts, before Kestrel would say which port 0 became.
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddViberEmulator(options =>
        {
            options.AuthToken = Token;
            options.BotName = BotName;
        });
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(services => services.GetRequiredService<ViberEmulator>().CreateApiHandler()));
        builder.Services.AddViberBot(options =>
            {
                options.AuthToken = Token;
                options.ApiBaseUrl = ViberEmulatorDefaults.InProcessApiBaseUrl;
                options.WebhookUrl = new Uri(baseAddress, ViberBotOptions.DefaultWebhookPath).ToString();
                options.Sender.Name = BotName;
            })
            .AddEventHandler<ShopBot>();

        var app = builder.Build();
        app.MapViberWebhook();
        app.MapViberEmulator();
        await app.StartAsync(cancellationToken);
        await app.Services.GetRequiredService<ViberEmulator>().WaitForWebhookAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return new BotApp(app, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

}
