using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Hosting;

/// <summary>AddViberBot is idempotent, registers the typed client and health check, and mapping without it fails clearly.</summary>
public sealed class ServiceRegistrationTests
{
    private static void Configure(ViberBotOptions options)
    {
        options.AuthToken = "token";
        options.RegisterWebhook = false;
        options.Sender.Name = "Bot";
    }

    [Fact]
    public void AddViberBot_twice_adds_the_services_once_and_applies_both_configurations()
    {
        var services = new ServiceCollection();
        services.AddViberBot(Configure);
        services.AddViberBot(o => o.MaxRequestBodySize = 4096);

        Assert.Single(services, d => d.ImplementationType == typeof(Viber.AspNetCore.Background.ViberBackgroundDispatcher));
        Assert.Single(services, d => d.ImplementationType == typeof(Viber.AspNetCore.Registration.ViberWebhookRegistrationService));
        Assert.Single(services, d => d.ServiceType == typeof(IViberDeduplicationStore));
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, r => r.Name == "viber");
        var options = provider.GetRequiredService<IOptions<ViberBotOptions>>().Value;
        Assert.Equal("token", options.AuthToken);
        Assert.Equal(4096, options.MaxRequestBodySize);
    }

    [Fact]
    public void AddViberBot_without_arguments_binds_the_Viber_section_of_the_app_configuration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Viber:AuthToken"] = "from-config",
            ["Viber:RegisterWebhook"] = "false",
        }).Build());
        services.AddViberBot();
        using var provider = services.BuildServiceProvider();

        Assert.Equal("from-config", provider.GetRequiredService<IOptions<ViberBotOptions>>().Value.AuthToken);
    }

    [Fact]
    public void The_typed_client_is_a_ViberBotClient_configured_from_the_bot_options()
    {
        var services = new ServiceCollection();
        services.AddViberBot(o =>
        {
            Configure(o);
            o.ApiBaseUrl = "http://127.0.0.1:9/pa/";
            o.Sender.Avatar = "https://example.com/a.jpg";
        });
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ViberBotClient>(provider.GetRequiredService<IViberBotClient>());
        var clientOptions = provider.GetRequiredService<IOptions<ViberBotClientOptions>>().Value;
        Assert.Equal("token", clientOptions.AuthToken);
        Assert.Equal(new Uri("http://127.0.0.1:9/pa/"), clientOptions.BaseAddress);
        Assert.Equal("Bot", clientOptions.DefaultSender?.Name);
        Assert.Equal("https://example.com/a.jpg", clientOptions.DefaultSender?.Avatar);
    }

    [Fact]
    public void A_custom_deduplication_store_replaces_the_in_memory_one()
    {
        var services = new ServiceCollection();
        services.AddViberBot(Configure).AddDeduplicationStore<NoDeduplicationStore>();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<NoDeduplicationStore>(provider.GetRequiredService<IViberDeduplicationStore>());
    }

    [Fact]
    public void MapViberWebhook_without_AddViberBot_says_to_call_it()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.MapViberWebhook());

        Assert.Contains("services.AddViberBot(", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MapViberWebhook", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseViberWebhook_without_AddViberBot_says_to_call_it()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.UseViberWebhook());

        Assert.Contains("services.AddViberBot(", exception.Message, StringComparison.Ordinal);
    }

    private sealed class NoDeduplicationStore : IViberDeduplicationStore
    {
        public ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken) => ValueTask.FromResult(ViberDeduplicationClaim.Claimed);

        public ValueTask<bool> CompleteAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }

    [Fact]
    public async Task The_client_is_one_instance_for_the_app_and_a_primary_handler_set_before_or_after_AddViberBot_is_kept()
    {
        foreach (var before in new[] { true, false })
        {
            var services = new ServiceCollection();
            var handler = new CountingHandler();
            if (before)
            {
                services.AddHttpClient(ViberBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
            }

            services.AddLogging();
            services.AddViberBot(Configure);
            if (!before)
            {
                services.AddHttpClient(ViberBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
            }

            await using var provider = services.BuildServiceProvider();
            await using var first = provider.CreateAsyncScope();
            await using var second = provider.CreateAsyncScope();
            var client = first.ServiceProvider.GetRequiredService<IViberBotClient>();
            Assert.Same(client, second.ServiceProvider.GetRequiredService<IViberBotClient>());

            await client.GetAccountInfoAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, handler.Requests);
        }
    }

    /// <summary>Answers every request with status 0 and counts them.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("""{"status":0,"status_message":"ok","id":"pa:1","name":"Bot"}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
