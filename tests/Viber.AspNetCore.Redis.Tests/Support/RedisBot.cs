using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Testing;
using Viber.Api;
using Viber.Api.Signatures;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>
/// A bot instance on real Kestrel at 127.0.0.1 (real status codes, also for unhandled exceptions) with Redis
/// deduplication and captured logs; several of them sharing one Redis stand for a scaled-out bot.
/// </summary>
public sealed class RedisBot : IAsyncDisposable
{
    public const string Token = "tok-redis-2b7d41c0-SECRET";

    private RedisBot(WebApplication app)
    {
        App = app;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    /// <summary>Starts an instance deduplicating in the given Redis under the given key prefix.</summary>
    public static Task<RedisBot> StartAsync(string configuration, string keyPrefix, Func<Viber.Api.Callbacks.MessageCallback, Task> handle)
        => StartAsync(
            bot => bot.AddRedisDeduplication(options =>
            {
                options.Configuration = configuration;
                options.KeyPrefix = keyPrefix;
            }),
            handle);

    /// <summary>Starts an instance.</summary>
    /// <param name="redis">Adds Redis deduplication to the bot.</param>
    /// <param name="handle">The message handler.</param>
    public static async Task<RedisBot> StartAsync(Action<IViberBotBuilder> redis, Func<Viber.Api.Callbacks.MessageCallback, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
        var bot = builder.Services.AddViberBot(options =>
        {
            options.AuthToken = Token;
            options.RegisterWebhook = false;
            options.Sender.Name = "Redis Bot";   // else the start asks Viber (get_account_info) for the account's name
        });
        redis(bot);
        bot.On<Viber.Api.Callbacks.MessageCallback>((callback, _, _) => handle(callback));
        var app = builder.Build();
        app.MapViberWebhook();
        app.MapHealthChecks("/health");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RedisBot(app);
    }

    /// <summary>Posts a body signed with <see cref="Token"/>, as Viber does.</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ViberBotOptions.DefaultWebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ViberApiMethods.SignatureHeader, ViberSignature.Compute(body, Token));
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
