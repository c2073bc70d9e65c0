using System.Net;
using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Signatures;
using Viber.Emulator.Events;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Api;

public sealed class SetWebhookTests
{
    [Fact]
    public async Task Set_webhook_posts_a_signed_webhook_callback_and_stores_the_url()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);

        var answer = await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl));

        Assert.Equal(ViberStatus.Ok, answer.Status);
        Assert.Equal("ok", answer.StatusMessage);
        var check = Assert.Single(harness.Webhook.Received);
        Assert.IsType<WebhookCallback>(check.Callback);
        Assert.NotNull(check.Callback.MessageToken);
        Assert.Equal(harness.Time.GetUtcNow().ToUnixTimeMilliseconds(), check.Callback.Timestamp);
        Assert.Equal(SignatureVerificationResult.Valid, ViberSignature.Verify(check.Body, check.HeaderSignature, EmulatorHarness.Token));
        Assert.Equal(SignatureVerificationResult.Valid, ViberSignature.Verify(check.Body, check.QuerySignature, EmulatorHarness.Token));
        Assert.StartsWith(EmulatorHarness.WebhookUrl + "?sig=", check.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(new Uri(EmulatorHarness.WebhookUrl), harness.Emulator.Account.Webhook);
    }

    [Fact]
    public async Task Omitted_event_types_are_reported_as_Vibers_documented_list()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);

        var answer = await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl));

        Assert.Equal(
            ["delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started"],
            answer.Json.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()));
        Assert.Null(harness.Emulator.Account.EventTypes);
    }

    [Fact]
    public async Task Given_event_types_are_echoed_and_stored()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);

        var answer = await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl, new JsonArray("delivered", "message")));

        Assert.Equal(["delivered", "message"], answer.Json.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["delivered", "message"], harness.Emulator.Account.EventTypes);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Created)]
    public async Task A_webhook_that_does_not_answer_200_gets_status_1_and_is_not_stored(HttpStatusCode status)
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);
        harness.Webhook.Respond = _ => new HttpResponseMessage(status);

        var answer = await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl));

        Assert.Equal(ViberStatus.InvalidUrl, answer.Status);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), answer.StatusMessage, StringComparison.Ordinal);
        Assert.Null(harness.Emulator.Account.Webhook);
        Assert.Single(harness.Webhook.Received);
    }

    [Fact]
    public async Task An_unreachable_webhook_gets_status_1_without_retries()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);
        harness.Webhook.Respond = _ => throw new HttpRequestException("Connection refused");

        var answer = await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl));

        Assert.Equal(ViberStatus.InvalidUrl, answer.Status);
        Assert.Contains("Connection refused", answer.StatusMessage, StringComparison.Ordinal);
        var attempt = Assert.Single(harness.Emulator.CallbackAttempts);
        Assert.Null(attempt.HttpStatus);
        Assert.Empty(harness.Emulator.Events.OfType<CallbackRetryScheduledEvent>());
    }

    [Fact]
    public async Task An_empty_url_removes_the_webhook_without_a_callback()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync(ViberApiMethods.SetWebhook, new JsonObject { ["url"] = string.Empty });

        Assert.Equal(ViberStatus.Ok, answer.Status);
        Assert.Null(harness.Emulator.Account.Webhook);
        Assert.Single(harness.Webhook.Received);
    }

    [Theory]
    [InlineData("http://bot.example.com/viber", ViberStatus.InvalidUrl)]
    [InlineData("not a url", ViberStatus.InvalidUrl)]
    [InlineData("ftp://bot.example.com/viber", ViberStatus.InvalidUrl)]
    [InlineData("http://127.0.0.1:5000/viber", ViberStatus.Ok)]
    [InlineData("http://localhost/viber", ViberStatus.Ok)]
    public async Task Url_must_be_https_except_on_loopback(string url, ViberStatus expected)
        => Assert.Equal(expected, await EmulatorHarness.StatusOfAsync(ViberApiMethods.SetWebhook, Requests.Webhook(url).ToJsonString()));

    [Theory]
    [InlineData("{}", ViberStatus.MissingData)]
    [InlineData("{\"url\":null}", ViberStatus.MissingData)]
    [InlineData("{\"url\":42}", ViberStatus.BadData)]
    [InlineData("{\"url\":\"https://bot.example.com\",\"event_types\":[\"typing\"]}", ViberStatus.BadData)]
    [InlineData("{\"url\":\"https://bot.example.com\",\"event_types\":\"seen\"}", ViberStatus.BadData)]
    [InlineData("{\"url\": \"https://bot.example.com\"", ViberStatus.BadData)]
    [InlineData("[]", ViberStatus.BadData)]
    public async Task Bad_requests_get_3_or_4(string body, ViberStatus expected)
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);

        var answer = await harness.CallAsync(ViberApiMethods.SetWebhook, body);

        Assert.Equal(expected, answer.Status);
        Assert.Empty(harness.Webhook.Received);
    }

    [Fact]
    public async Task Every_call_is_recorded_with_its_status()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);
        harness.Webhook.Respond = _ => new HttpResponseMessage(HttpStatusCode.BadGateway);

        await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl));

        var call = Assert.Single(harness.Emulator.ApiCalls);
        Assert.Equal(ViberApiMethods.SetWebhook, call.Method);
        Assert.Equal(ViberStatus.InvalidUrl, call.Status);
        Assert.Contains(EmulatorHarness.WebhookUrl, call.RequestBody, StringComparison.Ordinal);
        Assert.Contains("\"status\":1", call.ResponseBody, StringComparison.Ordinal);
    }
}
