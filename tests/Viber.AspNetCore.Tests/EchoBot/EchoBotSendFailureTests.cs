using System.Net;
using EchoBot.Handlers;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;

namespace Viber.AspNetCore.Tests.EchoBot;

/// <summary>
/// How the EchoBot sample answers a reply it could not send: a transient failure fails the callback so Viber sends it
/// again; a permanent refusal is logged and the callback succeeds.
/// </summary>
public sealed class EchoBotSendFailureTests
{
    public static TheoryData<string> TransientFailures => ["status 12", "http", "timeout"];

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task A_transient_send_failure_fails_the_callback_and_the_retry_sends_the_reply(string failure)
    {
        await using var bot = new EchoBotFactory();
        var calls = 0;
        bot.Viber.OnSendMessage = (_, _) => Interlocked.Increment(ref calls) == 1
            ? throw Transient(failure)
            : Task.FromResult(new SendMessageResponse { Status = ViberStatus.Ok });
        var callback = Callbacks.Text("again", userId: "u-12");

        using var first = await bot.PostAsync(callback);
        using var retry = await bot.PostAsync(callback);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(["again", "again"], bot.Viber.Sent.Select(m => ((TextMessage)m).Text));
        var logs = bot.Logs.GetSnapshot();
        Assert.DoesNotContain(logs, r => r.Category == typeof(EchoHandler).FullName && r.Level >= LogLevel.Warning);
        Assert.Single(logs, r => r.Level == LogLevel.Error && r.Id.Name == "HandlerFailed");
    }

    [Theory]
    [InlineData(ViberStatus.ReceiverNotSubscribed)]
    [InlineData(ViberStatus.ReceiverNotRegistered)]
    public async Task A_permanent_refusal_is_logged_and_answered_200_without_a_retry(ViberStatus status)
    {
        await using var bot = new EchoBotFactory();
        bot.Viber.OnSendMessage = (_, _) => throw new ViberApiException(ViberApiMethods.SendMessage, status, "refused");

        using var response = await bot.PostAsync(Callbacks.Text("gone", userId: "u-6"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single(bot.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Category == typeof(EchoHandler).FullName);
        Assert.Equal(status, Assert.IsType<ViberApiException>(warning.Exception).Status);
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Id.Name == "HandlerFailed");
    }

    [Fact]
    public void Only_rate_control_is_a_transient_api_status()
    {
        Assert.True(new ViberApiException(ViberApiMethods.SendMessage, ViberStatus.TooManyRequests, null).IsTransient);
        Assert.False(new ViberApiException(ViberApiMethods.SendMessage, ViberStatus.ReceiverNotSubscribed, null).IsTransient);
        Assert.False(new ViberApiException(ViberApiMethods.SendMessage, ViberStatus.BadData, null).IsTransient);
    }

    // What the client throws once its own retries are spent.
    private static Exception Transient(string failure) => failure switch
    {
        "status 12" => new ViberApiException(ViberApiMethods.SendMessage, ViberStatus.TooManyRequests, "tooManyRequests"),
        "http" => new HttpRequestException(HttpRequestError.Unknown, "Viber send_message failed with HTTP 503 (Service Unavailable).", null, HttpStatusCode.ServiceUnavailable),
        _ => new TimeoutException("Viber send_message timed out after 10 s."),
    };
}
