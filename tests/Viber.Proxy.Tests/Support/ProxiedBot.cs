using System.Net.Http.Headers;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Testing;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Signatures;
using Viber.AspNetCore;
using Viber.Emulator;
using Viber.Emulator.Hosting;

namespace Viber.Proxy.Tests.Support;

/// <summary>
/// A bot on real Kestrel at 127.0.0.1 behind a proxy, set up as the README says (forwarded headers for the client
/// address, scheme and prefix, then routing, then the webhook), talking to an emulator in-process for the Bot API and
/// registering the proxy's https URL with set_webhook, which the emulator checks through the proxy. Logs are captured.
/// </summary>
public sealed class ProxiedBot : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private int _handled;

    private ProxiedBot(WebApplication app, ViberEmulator emulator, Uri webhookUrl)
    {
        App = app;
        Emulator = emulator;
        WebhookUrl = webhookUrl;
    }

    public WebApplication App { get; }

    public ViberEmulator Emulator { get; }

    /// <summary>Gets the public webhook URL the bot registered (the proxy's).</summary>
    public Uri WebhookUrl { get; }

    /// <summary>Gets how many times the message handler ran.</summary>
    public int Handled => Volatile.Read(ref _handled);

    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    /// <summary>Gets the requests that reached the app.</summary>
    public IReadOnlyList<ArrivedRequest> Arrived => App.Services.GetRequiredService<ArrivedRequests>().All;

    /// <summary>Starts the bot and waits until its webhook is registered through the proxy.</summary>
    /// <param name="emulator">Viber; its callbacks must trust the proxy's certificate.</param>
    /// <param name="port">The port the proxy forwards to.</param>
    /// <param name="webhookUrl">The proxy's public URL of the webhook.</param>
    /// <param name="handle">The message handler; none by default.</param>
    /// <param name="pathBase">A path base for <c>UsePathBase</c>, for a proxy that passes its prefix on.</param>
    /// <param name="options">Adjusts the bot's options.</param>
    public static async Task<ProxiedBot> StartAsync(
        ViberEmulator emulator,
        int port,
        Uri webhookUrl,
        Func<MessageCallback, CancellationToken, Task>? handle = null,
        string? pathBase = null,
        Action<ViberBotOptions>? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
        builder.Services.AddSingleton<ArrivedRequests>();
        builder.Services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestScheme
            | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix);

        ProxiedBot? bot = null;
        builder.Services.AddViberBot(o =>
            {
                o.AuthToken = emulator.AuthToken;
                o.ApiBaseUrl = ViberEmulatorDefaults.InProcessApiBaseUrl;
                o.WebhookUrl = webhookUrl.ToString();
                options?.Invoke(o);
            })
            .On<MessageCallback>(async (callback, _, cancellationToken) =>
            {
                Interlocked.Increment(ref bot!._handled);
                if (handle is not null)
                {
                    await handle(callback, cancellationToken);
                }
            });
        builder.Services.AddHttpClient(ViberBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => emulator.CreateApiHandler());

        var app = builder.Build();
        bot = new ProxiedBot(app, emulator, webhookUrl);
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
        }

        app.UseForwardedHeaders();
        app.UseRouting();
        app.UseHttpLogging();
        app.Use((context, next) =>
        {
            var request = context.Request;
            context.RequestServices.GetRequiredService<ArrivedRequests>().Add(new ArrivedRequest(
                request.Scheme,
                context.Connection.RemoteIpAddress?.ToString(),
                request.PathBase.Value ?? string.Empty,
                request.Path.Value ?? string.Empty,
                request.Headers.ContainsKey(ViberApiMethods.SignatureHeader),
                request.Query.ContainsKey("sig")));
            return next(context);
        });
        app.MapViberWebhook();
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var registered = await emulator.WaitForWebhookAsync(Timeout, TestContext.Current.CancellationToken);
            Assert.Equal(webhookUrl, registered);
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>Posts a body signed with the bot's token in the header, as Viber does, from <paramref name="http"/>.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, byte[] body, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ViberApiMethods.SignatureHeader, signature ?? ViberSignature.Compute(body, Emulator.AuthToken));
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
