using Microsoft.Extensions.Diagnostics.HealthChecks;
using Viber.Api;
using Viber.AspNetCore.Tests.Support;
using Viber.Testing;

namespace Viber.AspNetCore.Tests.Registration;

/// <summary>set_webhook is called once the server listens, retried with backoff, reported by the "viber" health check.</summary>
public sealed class WebhookRegistrationTests
{
    private static async Task<HealthReportEntry> ViberHealthAsync(TestBot bot)
    {
        var report = await bot.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        return report.Entries["viber"];
    }

    private static Action<ViberBotOptions> Registering(int port, Action<ViberBotOptions>? more = null) => o =>
    {
        o.RegisterWebhook = true;
        o.WebhookUrl = $"http://127.0.0.1:{port}/viber/webhook";
        more?.Invoke(o);
    };

    /// <summary>set_webhook throws <paramref name="exception"/> the first time, then succeeds as Viber does.</summary>
    private static Func<Viber.Api.Requests.SetWebhookRequest, CancellationToken, Task<Viber.Api.Requests.SetWebhookResponse>> FailingOnce(Exception exception)
    {
        var calls = 0;
        var succeeding = FakeViber.CheckingSetWebhook(TestBot.Token);
        return (request, ct) => Interlocked.Increment(ref calls) == 1 ? throw exception : succeeding(request, ct);
    }

    [Fact]
    public async Task Set_webhook_is_called_after_the_server_listens_so_Vibers_check_gets_200()
    {
        var port = FreePort.Next();
        var checks = new List<int?>();
        await using var bot = await TestBot.StartAsync(
            options: Registering(port, o =>
            {
                o.EventTypes = ["message", "delivered", "conversation_started"];
                o.SendName = true;
                o.SendPhoto = false;
            }),
            port: port,
            viber: fake => fake.OnSetWebhook = FakeViber.CheckingSetWebhook(TestBot.Token, checks.Add));

        await bot.Viber.WaitForSetWebhookAsync(cancellationToken: TestContext.Current.CancellationToken);
        var registered = await bot.Logs.WaitForEventAsync("WebhookRegistered");

        Assert.Equal([200], checks);
        var request = Assert.Single(bot.Viber.WebhookRequests);
        Assert.Equal($"http://127.0.0.1:{port}/viber/webhook", request.Url);
        Assert.Equal(["message", "delivered", "conversation_started"], request.EventTypes!.Select(e => e.Value));
        Assert.True(request.SendName);
        Assert.False(request.SendPhoto);
        Assert.Contains("message, delivered, conversation_started", registered.Message, StringComparison.Ordinal);
        Assert.Single(bot.Logs.WithEvent("WebhookCheck"));
        var health = await ViberHealthAsync(bot);
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task Registration_waits_for_the_server_even_where_hosted_services_start_before_it()
    {
        // In a generic host, services added before ConfigureWebHost start before the server binds its port, so a
        // set_webhook made from StartAsync would race the server. It must come after ApplicationStarted, which the
        // host signals once the server listens, and Viber's check must get 200.
        var port = FreePort.Next();
        var checks = new List<int?>();
        var startedWhenCalled = new List<bool>();
        IHost? host = null;
        using var fake = new RecordingViberBotClient();
        var checking = FakeViber.CheckingSetWebhook(TestBot.Token, checks.Add);
        fake.OnSetWebhook = (request, ct) =>
        {
            startedWhenCalled.Add(host!.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested);
            return checking(request, ct);
        };
        host = new HostBuilder()
            .ConfigureServices(services =>
            {
                services.AddViberBot(Registering(port, o => o.AuthToken = TestBot.Token));
                services.AddSingleton<IViberBotClient>(fake);
            })
            .ConfigureWebHost(web => web
                .UseKestrel()
                .UseUrls($"http://127.0.0.1:{port}")
                .ConfigureServices(services => services.AddRouting())
                .Configure(app => app.UseRouting().UseEndpoints(endpoints => endpoints.MapViberWebhook())))
            .Build();
        using (host)
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await fake.WaitForSetWebhookAsync(cancellationToken: TestContext.Current.CancellationToken);
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([true], startedWhenCalled);
        Assert.Equal([200], checks);
    }

    [Fact]
    public async Task A_failed_registration_is_retried_after_a_backoff_and_then_succeeds()
    {
        using var time = new SignalingTimeProvider();
        var port = FreePort.Next();
        await using var bot = await TestBot.StartAsync(
            options: Registering(port, o =>
            {
                o.RegistrationRetryDelay = TimeSpan.FromSeconds(5);
                o.RegistrationRetryMaxDelay = TimeSpan.FromSeconds(20);
            }),
            port: port,
            services: s => s.AddSingleton<TimeProvider>(time),
            viber: fake => fake.OnSetWebhook = FailingOnce(new ViberApiException(ViberApiMethods.SetWebhook, ViberStatus.InvalidUrl, "invalidUrl")));

        await bot.Viber.WaitForSetWebhookAsync(cancellationToken: TestContext.Current.CancellationToken);
        await time.WaitForDelayAsync();
        var retrying = await ViberHealthAsync(bot);
        Assert.Equal(HealthStatus.Degraded, retrying.Status);
        Assert.Contains("invalidUrl", retrying.Description, StringComparison.Ordinal);
        var retry = Assert.Single(bot.Logs.WithEvent("WebhookRegistrationRetry"));
        Assert.Contains("does not answer 200 over HTTPS", retry.Message, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(20));
        await bot.Viber.WaitForSetWebhookAsync(cancellationToken: TestContext.Current.CancellationToken);
        await bot.Logs.WaitForEventAsync("WebhookRegistered");

        Assert.Equal(2, bot.Viber.WebhookRequests.Count);
        Assert.Equal(HealthStatus.Healthy, (await ViberHealthAsync(bot)).Status);
    }

    [Fact]
    public async Task A_retried_failure_that_is_not_invalidUrl_is_logged_with_its_own_cause()
    {
        using var time = new SignalingTimeProvider();
        var port = FreePort.Next();
        await using var bot = await TestBot.StartAsync(
            options: Registering(port),
            port: port,
            services: s => s.AddSingleton<TimeProvider>(time),
            viber: fake => fake.OnSetWebhook = FailingOnce(new HttpRequestException("Request headers must contain only ASCII characters.")));

        await bot.Viber.WaitForSetWebhookAsync(cancellationToken: TestContext.Current.CancellationToken);
        await time.WaitForDelayAsync();

        var retry = Assert.Single(bot.Logs.WithEvent("WebhookRegistrationRetry"));
        Assert.Contains("Request headers must contain only ASCII characters", retry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("invalidUrl", retry.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_token_is_not_retried_and_makes_the_check_unhealthy()
    {
        var port = FreePort.Next();
        await using var bot = await TestBot.StartAsync(
            options: Registering(port),
            port: port,
            viber: fake => fake.OnSetWebhook = (_, _) => throw new ViberApiException(ViberApiMethods.SetWebhook, ViberStatus.InvalidAuthToken, "invalidAuthToken"));

        await bot.Viber.WaitForSetWebhookAsync(cancellationToken: TestContext.Current.CancellationToken);
        var failed = await bot.Logs.WaitForEventAsync("WebhookRegistrationFailed");

        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Single(bot.Viber.WebhookRequests);
        var health = await ViberHealthAsync(bot);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.DoesNotContain(TestBot.Token, health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_registration_off_nothing_is_called_and_the_check_is_healthy()
    {
        await using var bot = await TestBot.StartAsync(options: o => o.RegisterWebhook = false);

        var health = await ViberHealthAsync(bot);

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Contains("disabled", health.Description, StringComparison.Ordinal);
        Assert.Empty(bot.Viber.WebhookRequests);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task The_webhook_is_removed_on_shutdown_only_when_asked(bool remove, int expectedRemovals)
    {
        var port = FreePort.Next();
        await using var bot = await TestBot.StartAsync(
            options: Registering(port, o => o.RemoveWebhookOnShutdown = remove),
            port: port);
        await bot.Logs.WaitForEventAsync("WebhookRegistered");

        await bot.App.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expectedRemovals, bot.Viber.RemoveWebhookCalls);
    }

    [Fact]
    public async Task The_health_check_is_served_by_MapHealthChecks()
    {
        await using var bot = await TestBot.StartAsync(app: app =>
        {
            app.MapViberWebhook();
            app.MapHealthChecks("/health");
        });

        var body = await bot.Http.GetStringAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Registration_through_the_real_client_and_a_fake_Viber_server_succeeds()
    {
        await using var viber = await FakeViberServer.StartAsync(TestBot.Token);
        var port = FreePort.Next();
        await using var bot = await TestBot.StartAsync(
            options: Registering(port, o => o.ApiBaseUrl = viber.BaseAddress.ToString()),
            port: port,
            fakeClient: false);

        await bot.Logs.WaitForEventAsync("WebhookRegistered");

        Assert.Equal([200], viber.WebhookChecks);
        Assert.Equal(HealthStatus.Healthy, (await ViberHealthAsync(bot)).Status);
    }
}
