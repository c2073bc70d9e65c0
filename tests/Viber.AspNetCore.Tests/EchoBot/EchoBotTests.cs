using System.Net;
using System.Text.Json;
using EchoBot;
using EchoBot.Handlers;
using Microsoft.AspNetCore.Mvc.Testing;
using Viber.Api;
using Viber.Api.Messages;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.EchoBot;

/// <summary>The EchoBot sample's behaviour, which tests outside this repository rely on.</summary>
public sealed class EchoBotTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("Привіт, світе! 你好 👋🏽 — «quotes» & <b>tags</b>")]
    public async Task A_text_message_is_echoed_verbatim_to_the_sender(string text)
    {
        await using var bot = new EchoBotFactory();

        using var response = await bot.PostAsync(Callbacks.Text(text, userId: "sender-id=="));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.IsType<TextMessage>(Assert.Single(bot.Viber.Sent));
        Assert.Equal("sender-id==", reply.Receiver);
        Assert.Equal(text, reply.Text);
    }

    [Fact]
    public async Task A_7000_character_text_is_echoed_intact()
    {
        await using var bot = new EchoBotFactory();
        var text = string.Concat(Enumerable.Repeat("abcdefghij", 699)) + "ünicode!🙂";
        Assert.Equal(7000, text.Length);

        using var response = await bot.PostAsync(Callbacks.Text(text));

        Assert.Equal(text, Assert.IsType<TextMessage>(Assert.Single(bot.Viber.Sent)).Text);
    }

    public static TheoryData<string> OtherTypes => ["picture", "video", "file", "sticker", "location", "contact", "url", "hologram"];

    [Theory]
    [MemberData(nameof(OtherTypes))]
    public async Task Any_other_message_type_gets_a_text_naming_the_type(string type)
    {
        await using var bot = new EchoBotFactory();
        var message = Viber.Api.Serialization.ViberJson.DeserializeMessage(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["type"] = type, ["media"] = "https://example.com/x.jpg" }));

        using var response = await bot.PostAsync(Callbacks.Message(message, userId: "u-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.IsType<TextMessage>(Assert.Single(bot.Viber.Sent));
        Assert.Equal("u-1", reply.Receiver);
        Assert.Contains(type, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_started_gets_a_welcome_message_in_the_response()
    {
        await using var bot = new EchoBotFactory();

        using var response = await bot.PostAsync(Callbacks.ConversationStarted());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("text", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(WelcomeHandler.WelcomeText, json.RootElement.GetProperty("text").GetString());
        Assert.Equal("Echo Bot", json.RootElement.GetProperty("sender").GetProperty("name").GetString());
        Assert.Empty(bot.Viber.Sent);
    }

    [Fact]
    public async Task Subscribed_gets_a_thank_you_text()
    {
        await using var bot = new EchoBotFactory();

        using var response = await bot.PostAsync(Callbacks.Subscribed(userId: "new-subscriber"));

        var reply = Assert.IsType<TextMessage>(Assert.Single(bot.Viber.Sent));
        Assert.Equal("new-subscriber", reply.Receiver);
        Assert.Equal(SubscribedHandler.ThankYouText, reply.Text);
    }

    [Fact]
    public async Task Unsubscribed_and_failed_are_logged_delivered_and_seen_at_Debug_and_nothing_is_sent()
    {
        await using var bot = new EchoBotFactory(("Serilog:MinimumLevel:Default", "Debug"));
        var token = Callbacks.NextToken();

        var responses = new[]
        {
            await bot.PostAsync(Callbacks.Unsubscribed("u-9")),
            await bot.PostAsync(Callbacks.Delivered(token, "u-9")),
            await bot.PostAsync(Callbacks.Seen(token, "u-9")),
            await bot.PostAsync(Callbacks.Failed(token, "u-9")),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Empty(bot.Viber.Sent);
        var logged = bot.Logs.GetSnapshot().Where(r => r.Category == typeof(StatusLogHandler).FullName).ToList();
        Assert.Equal(4, logged.Count);
        Assert.All(
            new[] { ("unsubscribed", LogLevel.Information), ("delivered", LogLevel.Debug), ("seen", LogLevel.Debug), ("failed", LogLevel.Warning) },
            e => Assert.Contains(logged, r => r.Message.Contains(e.Item1, StringComparison.Ordinal) && r.Level == e.Item2));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_failed_send_is_logged_and_does_not_affect_the_next_callback()
    {
        await using var bot = new EchoBotFactory();
        var calls = 0;
        bot.Viber.OnSendMessage = (_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new ViberApiException(ViberApiMethods.SendMessage, ViberStatus.ReceiverNotSubscribed, "notSubscribed")
            : Task.FromResult(new Viber.Api.Requests.SendMessageResponse { Status = ViberStatus.Ok });

        using var first = await bot.PostAsync(Callbacks.Text("first", userId: "gone"));
        using var second = await bot.PostAsync(Callbacks.Text("second", userId: "here"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["first", "second"], bot.Viber.Sent.Select(m => ((TextMessage)m).Text));
        var warning = Assert.Single(bot.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Category == typeof(EchoHandler).FullName);
        Assert.IsType<ViberApiException>(warning.Exception);
    }

    [Fact]
    public async Task A_webhook_call_is_logged_once_at_Debug_by_its_handler_and_at_Debug_by_the_request_log()
    {
        await using var bot = new EchoBotFactory(("Serilog:MinimumLevel:Default", "Debug"));

        using var response = await bot.PostAsync(Callbacks.Text("hi", userId: "logged-user"));

        // The request line is written as the middleware unwinds, which can be just after the client has its answer.
        var requestLine = await bot.Logs.WaitForAsync(r => r.Category == RequestLog && r.Message.Contains("/viber/webhook", StringComparison.Ordinal));
        Assert.Contains("responded 200", requestLine.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Debug, requestLine.Level);
        var handlerLine = Assert.Single(bot.Logs.GetSnapshot(), r => r.Category == typeof(EchoHandler).FullName);
        Assert.Equal(LogLevel.Debug, handlerLine.Level);
        Assert.Contains("logged-user", handlerLine.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task In_production_an_echoed_message_writes_no_line_at_Information_or_above()
    {
        await using var bot = new EchoBotFactory(("environment", "Production"));

        using var response = await bot.PostAsync(Callbacks.Text("hi", userId: "quiet-user"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A second request whose line is at Information: once it is in, the first request's lines are in too.
        using var health = await bot.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        await bot.Logs.WaitForAsync(r => r.Category == RequestLog && r.Message.Contains("/health", StringComparison.Ordinal));

        Assert.Equal("hi", Assert.IsType<TextMessage>(Assert.Single(bot.Viber.Sent)).Text);
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Category == typeof(EchoHandler).FullName);
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Message.Contains("quiet-user", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Category == RequestLog && r.Message.Contains("/viber/webhook", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_development_each_message_is_logged_by_its_handler()
    {
        await using var bot = new EchoBotFactory(("environment", "Development"));

        using var response = await bot.PostAsync(Callbacks.Text("hi", userId: "dev-user"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handlerLine = Assert.Single(bot.Logs.GetSnapshot(), r => r.Category == typeof(EchoHandler).FullName);
        Assert.Equal(LogLevel.Debug, handlerLine.Level);
        Assert.Contains("dev-user", handlerLine.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_webhook_call_and_other_requests_are_logged_at_Information_by_the_request_log()
    {
        await using var bot = new EchoBotFactory();
        var body = Callbacks.Json(Callbacks.Text("forged"));

        using var refused = await WebhookRequests.PostAsync(bot.CreateClient(), ViberBotOptions.DefaultWebhookPath, body, "0000");
        using var health = await bot.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var refusedLine = await bot.Logs.WaitForAsync(r => r.Category == RequestLog && r.Message.Contains("/viber/webhook", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, refusedLine.Level);
        Assert.Contains("responded 401", refusedLine.Message, StringComparison.Ordinal);
        var healthLine = await bot.Logs.WaitForAsync(r => r.Category == RequestLog && r.Message.Contains("/health", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, healthLine.Level);
    }

    private const string RequestLog = "Serilog.AspNetCore.RequestLoggingMiddleware";

    [Fact]
    public async Task The_health_endpoint_reports_the_viber_check()
    {
        await using var bot = new EchoBotFactory();

        var health = await bot.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", health);
    }

    [Fact]
    public async Task With_a_token_and_a_plain_http_public_url_the_app_fails_at_start_with_the_validation_message()
    {
        await using var bot = new WebApplicationFactory<EchoBotApp>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Viber:AuthToken", "real-token-value-123");
            b.UseSetting("Viber:WebhookUrl", "http://bot.example.com/viber/webhook");
        });

        var exception = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("Viber:WebhookUrl", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("real-token-value-123", exception.ToString(), StringComparison.Ordinal);
    }
}
