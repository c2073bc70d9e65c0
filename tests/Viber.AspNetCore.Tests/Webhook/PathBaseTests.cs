using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.HttpOverrides;
using Viber.Api;
using Viber.Api.Signatures;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>
/// The webhook behind a path base: the public URL is https://example.com/bot/viber/webhook, and the app sees
/// <c>PathBase</c> /bot (from <c>UsePathBase</c> or a proxy's <c>X-Forwarded-Prefix</c>) and <c>Path</c> /viber/webhook.
/// </summary>
public sealed class PathBaseTests
{
    private const string PublicUrl = "https://example.com/bot/viber/webhook";
    private const string ForwardedPrefixHeader = "X-Forwarded-Prefix";

    public static TheoryData<string> Mappings => ["map", "use"];

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task UsePathBase_serves_the_webhook_at_the_public_path(string mapping)
    {
        await using var bot = await StartAsync(app =>
        {
            app.UsePathBase("/bot");
            Map(app, mapping);
        });

        using var response = await PostAsync(bot, "/bot/viber/webhook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task X_Forwarded_Prefix_from_a_proxy_that_strips_it_reaches_the_webhook(string mapping)
    {
        await using var bot = await StartAsync(app =>
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedPrefix });

            // Routing after the forwarded headers, as the README says: WebApplication otherwise routes first.
            app.UseRouting();
            Map(app, mapping);
        });

        using var response = await PostAsync(bot, "/viber/webhook", prefix: "/bot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task A_prefix_sent_with_a_trailing_slash_is_the_same_prefix()
    {
        await using var bot = await StartAsync(app =>
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedPrefix });
            app.UseViberWebhook();
        });

        using var response = await PostAsync(bot, "/viber/webhook", prefix: "/bot/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task A_stripped_prefix_the_app_is_not_told_about_is_404_and_nothing_dispatched(string mapping)
    {
        await using var bot = await StartAsync(app => Map(app, mapping));

        using var response = await PostAsync(bot, "/viber/webhook");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task An_explicit_WebhookPath_relative_to_the_path_base_is_served(string mapping)
    {
        await using var bot = await StartAsync(
            app =>
            {
                app.UsePathBase("/bot");
                Map(app, mapping);
            },
            webhookPath: "/viber/webhook");

        using var response = await PostAsync(bot, "/bot/viber/webhook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task The_mapped_webhook_leaves_other_routes_and_the_fallback_alone_and_still_answers_405()
    {
        await using var bot = await StartAsync(app =>
        {
            app.MapViberWebhook();
            app.MapGet("/bot/viber/other", () => "other");
            app.MapFallback(() => "fallback");
        });

        var other = await bot.Http.GetStringAsync(new Uri("/bot/viber/other", UriKind.Relative), TestContext.Current.CancellationToken);
        var fallback = await bot.Http.GetStringAsync(new Uri("/elsewhere", UriKind.Relative), TestContext.Current.CancellationToken);
        using var get = await bot.Http.GetAsync(new Uri("/bot/viber/webhook", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("other", other);
        Assert.Equal("fallback", fallback);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task Routing_that_runs_before_the_forwarded_headers_cannot_see_the_prefix()
    {
        // WebApplication routes before the app's first middleware unless UseRouting() is called: the README's reason
        // for calling it after UseForwardedHeaders(). UseViberWebhook() runs where it is added, so it needs nothing.
        await using var bot = await StartAsync(app =>
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedPrefix });
            app.MapViberWebhook();
        });

        using var response = await PostAsync(bot, "/viber/webhook", prefix: "/bot");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task The_webhook_path_wins_over_an_app_catch_all_route()
    {
        await using var bot = await StartAsync(app =>
        {
            app.MapViberWebhook();
            app.Map("/{**rest}", () => "catch-all");
        });

        using var hook = await PostAsync(bot, "/bot/viber/webhook");
        var rest = await bot.Http.GetStringAsync(new Uri("/anything", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
        Assert.Equal("catch-all", rest);
    }

    [Fact]
    public async Task A_path_base_that_does_not_complete_the_webhook_path_is_404()
    {
        await using var bot = await StartAsync(app =>
        {
            app.UsePathBase("/other");
            app.MapViberWebhook();
        });

        using var response = await PostAsync(bot, "/other/viber/webhook");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task The_apps_routes_on_tails_of_the_webhook_path_keep_their_requests()
    {
        // The webhook is served on /viber/webhook and /webhook too, but only for a path base that completes its path.
        await using var bot = await StartAsync(app =>
        {
            app.MapViberWebhook();
            app.MapPost("/viber/webhook", () => "app viber/webhook");
            app.MapPost("/webhook", () => "app webhook");
        });

        using var first = await PostAsync(bot, "/viber/webhook");
        using var second = await PostAsync(bot, "/webhook");

        Assert.Equal("app viber/webhook", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("app webhook", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_convention_on_the_mapped_webhook_holds_with_and_without_a_path_base(bool pathBase)
    {
        await using var bot = await StartAsync(app =>
        {
            if (pathBase)
            {
                app.UsePathBase("/bot");
            }

            app.MapViberWebhook().RequireHost("bot.example.com");
        });

        using var otherHost = await PostAsync(bot, "/bot/viber/webhook");
        using var botHost = await PostAsync(bot, "/bot/viber/webhook", host: "bot.example.com");

        Assert.Equal(HttpStatusCode.NotFound, otherHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, botHost.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task A_name_given_to_the_mapped_webhook_links_to_its_whole_path()
    {
        await using var bot = await StartAsync(app => app.MapViberWebhook().WithName("viber-webhook"));

        var links = bot.Services.GetRequiredService<LinkGenerator>();

        Assert.Equal("/bot/viber/webhook", links.GetPathByName("viber-webhook", values: null));
    }

    private static void Map(WebApplication app, string mapping)
    {
        if (mapping == "map")
        {
            app.MapViberWebhook();
        }
        else
        {
            app.UseViberWebhook();
        }
    }

    private static Task<TestBot> StartAsync(Action<WebApplication> app, string? webhookPath = null)
        => TestBot.StartAsync(
            options: o =>
            {
                o.WebhookUrl = PublicUrl;
                o.WebhookPath = webhookPath;
            },
            bot: TestHandlers.RecordAll,
            app: app);

    private static async Task<HttpResponseMessage> PostAsync(TestBot bot, string path, string? prefix = null, string? host = null)
    {
        var body = Callbacks.Json(Callbacks.Text("behind a proxy"));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ViberApiMethods.SignatureHeader, ViberSignature.Compute(body, TestBot.Token));
        if (prefix is not null)
        {
            request.Headers.Add(ForwardedPrefixHeader, prefix);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await bot.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
