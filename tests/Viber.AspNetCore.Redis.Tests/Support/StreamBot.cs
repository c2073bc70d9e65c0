using System.Net.Http.Headers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Signatures;
using Viber.AspNetCore.Redis.Hosting;
using Viber.AspNetCore.Redis.Streams;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>
/// A bot instance in background mode with Redis Streams dispatch, on real Kestrel at 127.0.0.1, with captured logs.
/// Several of them on one Redis and one key prefix are the instances of one scaled-out bot. <see cref="CrashAsync"/>
/// ends one without a graceful stop, as a killed process would (no lease released, nothing acknowledged).
/// </summary>
public sealed class StreamBot : IAsyncDisposable
{
    public const string Token = "tok-streams-5e1f0a9d-SECRET";

    private bool _ended;

    private StreamBot(WebApplication app, string consumer)
    {
        App = app;
        Consumer = consumer;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public string Consumer { get; }

    public HttpClient Http { get; }

    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    public RedisViberStreamOptions Options => App.Services.GetRequiredService<IOptions<RedisViberStreamOptions>>().Value;

    /// <summary>Starts an instance whose message handler is <paramref name="handle"/>.</summary>
    /// <param name="redis">The Redis configuration string.</param>
    /// <param name="prefix">The key prefix shared by the instances of one bot (and apart from other tests).</param>
    /// <param name="consumer">The instance's consumer name.</param>
    /// <param name="handle">The message handler, with the handlers' cancellation token.</param>
    /// <param name="configure">Adjusts the stream options after the test defaults (1 partition, short timeouts).</param>
    /// <param name="services">Adds or replaces services.</param>
    public static async Task<StreamBot> StartAsync(
        string redis,
        string prefix,
        string consumer,
        Func<MessageCallback, CancellationToken, Task> handle,
        Action<RedisViberStreamOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services?.Invoke(builder.Services);
        builder.Services.AddViberBot(options =>
            {
                options.AuthToken = Token;
                options.RegisterWebhook = false;
                options.Sender.Name = "Stream Bot";   // else the start asks Viber (get_account_info) for the account's name
                options.DispatchMode = ViberDispatchMode.Background;
            })
            .AddRedisDeduplication(options =>
            {
                options.Configuration = redis;
                options.KeyPrefix = prefix + "dedup:";
            })
            .AddRedisBackgroundDispatch(options =>
            {
                options.KeyPrefix = prefix + "stream:";
                options.ConsumerName = consumer;
                options.Partitions = 1;
                options.RetryDelay = TimeSpan.FromMilliseconds(20);
                // Short enough for quick takeovers, long enough that a loaded machine does not lose leases by delay.
                options.LeaseTimeout = TimeSpan.FromSeconds(2);
                options.ClaimIdleTimeout = TimeSpan.FromSeconds(1);
                options.PollInterval = TimeSpan.FromMilliseconds(20);
                configure?.Invoke(options);
            })
            .On<MessageCallback>((callback, _, cancellationToken) => handle(callback, cancellationToken));
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapViberWebhook();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new StreamBot(app, consumer);
    }

    /// <summary>Gets the database the bot uses, to look at its streams.</summary>
    public async Task<IDatabase> DatabaseAsync()
        => await App.Services.GetRequiredService<RedisViberConnection>().GetDatabaseAsync(TestContext.Current.CancellationToken);

    /// <summary>Waits until this instance holds the partition's lease.</summary>
    public async Task WaitForLeaseAsync(int partition = 0)
    {
        var database = await DatabaseAsync();
        await Eventually.PollAsync(
            async () => (await database.StringGetAsync(Options.KeyPrefix + partition + ":lease")).ToString(),
            holder => holder == Consumer,
            $"{Consumer} to hold the lease of partition {partition}");
    }

    /// <summary>Posts a body signed with <see cref="Token"/>, as Viber does.</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ViberBotOptions.DefaultWebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ViberApiMethods.SignatureHeader, ViberSignature.Compute(body, Token));
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Gets the "viber-redis-streams" health check's entry.</summary>
    public async Task<HealthReportEntry> HealthAsync()
    {
        var report = await App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        return report.Entries["viber-redis-streams"];
    }

    /// <summary>Ends the instance as a crash would: disposed without stopping, so it releases and acknowledges nothing.</summary>
    public async Task CrashAsync()
    {
        _ended = true;
        Http.Dispose();
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
