using System.Net;
using EchoBot;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Viber.Api.Signatures;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.EchoBot;

/// <summary>The EchoBot sample's flood limits, set from configuration: Kestrel:Limits:* and RateLimiting:*.</summary>
public sealed class EchoBotLimitsTests
{
    [Fact]
    public async Task Kestrel_limits_come_from_configuration()
    {
        await using var bot = new EchoBotFactory();
        await using var configured = WithSettings(bot, ("Kestrel:Limits:MaxConcurrentConnections", "7"), ("Kestrel:Limits:RequestHeadersTimeout", "00:00:03"));

        var limits = configured.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(7, limits.MaxConcurrentConnections);
        Assert.Equal(TimeSpan.FromSeconds(3), limits.RequestHeadersTimeout);
    }

    [Fact]
    public async Task The_sample_limits_connections_and_header_time_by_default()
    {
        await using var bot = new EchoBotFactory();

        var limits = bot.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.NotNull(limits.MaxConcurrentConnections);
        Assert.True(limits.RequestHeadersTimeout < new KestrelServerLimits().RequestHeadersTimeout);
    }

    [Fact]
    public async Task Health_answers_429_past_its_configured_rate()
    {
        await using var bot = new EchoBotFactory();
        // A window longer than any test run: the third request cannot land in a new window.
        await using var limited = WithSettings(bot, ("RateLimiting:Health:PermitLimit", "2"), ("RateLimiting:Health:Window", "01:00:00"));

        var answers = await HealthAnswersAsync(limited, 3);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task The_webhook_answers_429_past_its_configured_rate_so_Viber_retries_later()
    {
        await using var bot = new EchoBotFactory();
        await using var limited = WithSettings(bot, ("RateLimiting:Webhook:PermitLimit", "1"), ("RateLimiting:Webhook:Window", "01:00:00"));
        using var client = limited.CreateClient();

        var answers = new List<HttpStatusCode>();
        foreach (var text in new[] { "first", "second" })
        {
            var body = Callbacks.Json(Callbacks.Text(text));
            using var response = await WebhookRequests.PostAsync(client, ViberBotOptions.DefaultWebhookPath, body, ViberSignature.Compute(body, EchoBotFactory.Token));
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Single(bot.Viber.Sent);
    }

    [Fact]
    public async Task RateLimiting_Enabled_false_lets_every_request_through()
    {
        await using var bot = new EchoBotFactory();
        await using var unlimited = WithSettings(
            bot, ("RateLimiting:Enabled", "false"), ("RateLimiting:Health:PermitLimit", "1"), ("RateLimiting:Health:Window", "01:00:00"));

        var answers = await HealthAnswersAsync(unlimited, 3);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer));
    }

    private static WebApplicationFactory<EchoBotApp> WithSettings(EchoBotFactory bot, params (string Key, string Value)[] settings)
        => bot.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static async Task<List<HttpStatusCode>> HealthAnswersAsync(WebApplicationFactory<EchoBotApp> app, int count)
    {
        using var client = app.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            answers.Add(response.StatusCode);
        }

        return answers;
    }
}
