using Microsoft.Extensions.Logging.Testing;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Signatures;
using Viber.Testing;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>
/// A bot app on real Kestrel at 127.0.0.1 with a recording fake client, captured logs at Trace level and a
/// <see cref="CallbackLog"/>; posts signed callbacks to its webhook.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    /// <summary>A distinctive token, so a leak into logs is easy to find.</summary>
    public const string Token = "tok-4f9c2a71e5b34d08-SECRET";

    private TestBot(WebApplication app, HttpClient http, RecordingViberBotClient viber)
    {
        App = app;
        Http = http;
        Viber = viber;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public RecordingViberBotClient Viber { get; }

    public IServiceProvider Services => App.Services;

    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    public CallbackLog Callbacks => App.Services.GetRequiredService<CallbackLog>();

    public string WebhookPath { get; private init; } = ViberBotOptions.DefaultWebhookPath;

    /// <summary>Starts a bot.</summary>
    /// <param name="options">Adjusts the options (the token is set and registration is off by default).</param>
    /// <param name="bot">Adds handlers.</param>
    /// <param name="services">Adjusts services after the bot is added.</param>
    /// <param name="app">Maps the webhook; <c>MapViberWebhook()</c> by default.</param>
    /// <param name="port">The port to listen on; any free port by default.</param>
    /// <param name="viber">Sets the fake client's behaviours before the app starts.</param>
    /// <param name="fakeClient">Replaces the typed client with the recording fake; true by default.</param>
    public static async Task<TestBot> StartAsync(
        Action<ViberBotOptions>? options = null,
        Action<IViberBotBuilder>? bot = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? app = null,
        int port = 0,
        Action<RecordingViberBotClient>? viber = null,
        bool fakeClient = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.Services.AddSingleton<CallbackLog>();
        var fake = new RecordingViberBotClient();
        viber?.Invoke(fake);
        var botBuilder = builder.Services.AddViberBot(o =>
        {
            o.AuthToken = Token;
            o.RegisterWebhook = false;
            options?.Invoke(o);
        });
        bot?.Invoke(botBuilder);

        // Registered after AddViberBot, so it wins over the typed client.
        if (fakeClient)
        {
            builder.Services.AddSingleton<IViberBotClient>(fake);
        }
        services?.Invoke(builder.Services);

        var web = builder.Build();
        (app ?? (a => a.MapViberWebhook()))(web);
        await web.StartAsync(TestContext.Current.CancellationToken);
        var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };
        return new TestBot(web, http, fake)
        {
            WebhookPath = web.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ViberBotOptions>>().Value.WebhookPath!,
        };
    }

    /// <summary>Posts a callback signed with <see cref="Token"/> in the signature header.</summary>
    public Task<HttpResponseMessage> PostAsync(ViberCallback callback) => PostAsync(global::Viber.Tests.Shared.Callbacks.Json(callback));

    /// <summary>Posts a body signed with <see cref="Token"/> in the signature header.</summary>
    public Task<HttpResponseMessage> PostAsync(byte[] body) => PostAsync(body, ViberSignature.Compute(body, Token));

    /// <summary>Posts a body with the given signature header (none when <see langword="null"/>).</summary>
    public Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, string? query = null)
        => WebhookRequests.PostAsync(Http, WebhookPath, body, signature, query);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
