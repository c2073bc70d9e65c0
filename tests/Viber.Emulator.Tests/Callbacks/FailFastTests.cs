using System.Net;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Tests.Support;
using Viber.Testing;

namespace Viber.Emulator.Tests.Callbacks;

/// <summary>
/// A test that fails, fails fast: a webhook that always throws, on Viber's hour-long retry schedule and a fake clock
/// nobody advances, fails the waiting test in seconds with a message that names the failing callback.
/// </summary>
public sealed class FailFastTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_action_on_a_webhook_that_always_throws_fails_in_seconds_naming_the_callback()
    {
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.DefaultWaitTimeout = Bound);
        var user = harness.Emulator.CreateUser("Alice");
        harness.Webhook.Respond = _ => throw new InvalidOperationException("the bot crashed");

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => user.OpenConversationAsync(cancellationToken: Ct));

        Assert.Contains($"conversation_started callback for user 'Alice' ({user.Id})", failure.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 1 → InvalidOperationException: the bot crashed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("its retries go on in the background", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenIdleAsync_is_bounded_by_default_and_names_the_callback_still_retrying()
    {
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.DefaultWaitTimeout = Bound);
        var user = await harness.SubscribedUserAsync("Bohdan");
        harness.Webhook.Respond = c => c.Event == "delivered" ? new HttpResponseMessage(HttpStatusCode.InternalServerError) : new HttpResponseMessage(HttpStatusCode.OK);

        var sent = await harness.SendTextAsync(user.Id, "are you there?");
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => harness.Emulator.WhenIdleAsync(Ct));

        Assert.Equal(Viber.Api.ViberStatus.Ok, sent.Status);
        Assert.Contains("not idle within 2 s", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"delivered callback for user 'Bohdan' ({user.Id})", failure.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 1 → HTTP 500", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_test_retry_schedule_a_webhook_that_always_throws_ends_its_callback_at_once()
    {
        // The system clock: the schedule itself is short, not a fake clock standing still.
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions().UseTestRetrySchedule());
        var webhook = new RecordingWebhook();
        emulator.UseCallbackHandler(() => webhook);
        await SetWebhookAsync(emulator);
        webhook.Respond = _ => throw new InvalidOperationException("the bot crashed");
        var user = emulator.CreateUser("Carla");

        var result = await user.SendTextAsync("hello", Ct);
        await emulator.WhenIdleAsync(Ct);

        Assert.Equal(CallbackOutcome.Rejected, result.Outcome);
        Assert.Equal(4, result.Attempts);
        Assert.Contains("the bot crashed", result.Error, StringComparison.Ordinal);
    }

    private static async Task SetWebhookAsync(ViberEmulator emulator)
    {
        using var http = new HttpClient(emulator.CreateApiHandler()) { BaseAddress = new Uri("http://localhost/pa/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "set_webhook") { Content = new StringContent(Requests.Webhook(EmulatorHarness.WebhookUrl).ToJsonString()) };
        request.Headers.Add(Viber.Api.ViberApiMethods.AuthTokenHeader, emulator.AuthToken);
        using var response = await http.SendAsync(request, Ct);
        Assert.Contains("\"status\":0", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
