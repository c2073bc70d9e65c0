using System.Net;
using System.Text.Json;
using Viber.Api.Messages;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class ViberBotClientErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_non_zero_status_throws_ViberApiException_with_method_status_and_message()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Failure(6, "receiverNotSubscribed"));

        var ex = await Assert.ThrowsAsync<ViberApiException>(() => TestClient.Create(handler).SendMessageAsync(TestClient.Text(), Ct));

        Assert.Equal(ViberApiMethods.SendMessage, ex.Method);
        Assert.Equal(ViberStatus.ReceiverNotSubscribed, ex.Status);
        Assert.Equal("receiverNotSubscribed", ex.StatusMessage);
        Assert.Contains("send_message", ex.Message, StringComparison.Ordinal);
        Assert.Contains("status 6", ex.Message, StringComparison.Ordinal);
        AssertNoToken(ex);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_token_is_redacted_from_a_status_message_that_echoes_it_in_any_case(bool upperCase)
    {
        var echoed = upperCase ? TestClient.Token.ToUpperInvariant() : TestClient.Token;
        var handler = RecordingHandler.AlwaysJson(TestClient.Failure(2, $"invalid token {echoed}"));

        var ex = await Assert.ThrowsAsync<ViberApiException>(() => TestClient.Create(handler).GetAccountInfoAsync(Ct));

        Assert.Equal(ViberStatus.InvalidAuthToken, ex.Status);
        Assert.Equal("invalid token [redacted]", ex.StatusMessage);
        AssertNoToken(ex);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task An_HTTP_client_error_throws_HttpRequestException_with_method_and_code_and_is_not_retried(HttpStatusCode status)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Status(status));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => TestClient.Create(handler).GetUserDetailsAsync("user-1", Ct));

        Assert.Equal(status, ex.StatusCode);
        Assert.Contains("get_user_details", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {(int)status}", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
        AssertNoToken(ex);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"status":"zero"}""")]
    public async Task An_invalid_response_body_throws_JsonException_naming_the_method(string body)
    {
        var handler = RecordingHandler.AlwaysJson(body);

        var ex = await Assert.ThrowsAsync<JsonException>(() => TestClient.Create(handler).GetAccountInfoAsync(Ct));

        Assert.Contains("get_account_info", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task A_transport_error_after_retries_names_the_method()
    {
        var handler = new RecordingHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (viber.test:443)"));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => TestClient.Create(handler, o => o.MaxRetryAttempts = 1).GetAccountInfoAsync(Ct));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Contains("get_account_info", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
        AssertNoToken(ex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task GetUserDetails_requires_an_id_and_sends_nothing(string? id)
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Ok());

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).GetUserDetailsAsync(id!, Ct));

        Assert.Equal("id", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_body_over_30_KB_is_rejected_before_sending()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        // Characters outside the Basic Multilingual Plane are written escaped (12 bytes per emoji), so 7,000
        // UTF-16 characters of emoji (within the text limit) take over 30 KB.
        var message = TestClient.Text(text: string.Concat(Enumerable.Repeat("👋", 3500)));

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).SendMessageAsync(message, Ct));

        Assert.Equal("(request)", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_set_webhook_url_that_is_not_absolute_is_rejected_before_sending()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Ok());

        var ex = await Assert.ThrowsAsync<ViberValidationException>(
            () => TestClient.Create(handler).SetWebhookAsync(new Requests.SetWebhookRequest { Url = "/viber" }, Ct));

        Assert.Equal("url", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_null_message_throws_ArgumentNullException()
    {
        var client = TestClient.Create(RecordingHandler.AlwaysJson(TestClient.Ok()));

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.SendMessageAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.BroadcastMessageAsync(null!, ["a"], Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.BroadcastMessageAsync(new TextMessage { Text = "x" }, null!, Ct));
    }

    internal static void AssertNoToken(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            Assert.DoesNotContain(TestClient.Token, current.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(TestClient.Token, ex.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
