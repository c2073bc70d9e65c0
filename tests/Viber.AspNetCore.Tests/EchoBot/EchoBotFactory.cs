using EchoBot;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Testing;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Signatures;
using Viber.AspNetCore.Tests.Support;
using Viber.Testing;

namespace Viber.AspNetCore.Tests.EchoBot;

/// <summary>
/// The EchoBot sample in-process, configured only through Viber:* settings as users configure it, with the recording
/// fake client in place of Viber and captured logs.
/// </summary>
public sealed class EchoBotFactory : WebApplicationFactory<EchoBotApp>
{
    public const string Token = "echo-bot-token-9d2f";

    private readonly (string Key, string Value)[] _settings;

    /// <param name="settings">Configuration settings beyond the Viber ones, applied last.</param>
    public EchoBotFactory(params (string Key, string Value)[] settings) => _settings = settings;

    public RecordingViberBotClient Viber { get; } = new();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public async Task<HttpResponseMessage> PostAsync(ViberCallback callback)
    {
        var body = Callbacks.Json(callback);
        return await WebhookRequests.PostAsync(CreateClient(), ViberBotOptions.DefaultWebhookPath, body, ViberSignature.Compute(body, Token));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Viber:AuthToken", Token);
        builder.UseSetting("Viber:RegisterWebhook", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        builder.ConfigureTestServices(services => services.AddSingleton<IViberBotClient>(Viber));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Viber.Dispose();
        }

        base.Dispose(disposing);
    }
}
