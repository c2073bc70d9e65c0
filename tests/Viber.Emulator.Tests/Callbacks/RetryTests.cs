using System.Net;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Conversations;
using Viber.Emulator.Events;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Callbacks;

/// <summary>Callbacks the webhook does not answer with 200 are re-sent with growing intervals, 10 times at most.</summary>
public sealed class RetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Advances the fake clock through each scheduled retry of the user's message callback.</summary>
    internal static async Task<List<TimeSpan>> DriveRetriesAsync(ViberEmulator emulator, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Task pending, string eventType = "message")
    {
        var delays = new List<TimeSpan>();
        for (var next = 2; !pending.IsCompleted; next++)
        {
            var attempt = next;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var scheduled = emulator.WaitForEventAsync<CallbackRetryScheduledEvent>(e => e.EventType == eventType && e.NextAttempt == attempt, cancellationToken: stop.Token);
            if (await Task.WhenAny(scheduled, pending) == pending)
            {
                // The callback ended: no retry will come, so the wait is cancelled rather than left to time out.
                await stop.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scheduled);
                break;
            }

            var retry = await scheduled;
            delays.Add(retry.Delay);
            time.Advance(retry.Delay);
        }

        await pending;
        return delays;
    }

    [Fact]
    public async Task A_failing_webhook_gets_the_callback_again_with_growing_intervals_until_it_answers_200()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var failures = 3;
        harness.Webhook.Respond = c => c.Event == "message" && Interlocked.Decrement(ref failures) >= 0
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.OK);

        var sending = user.SendTextAsync("are you there?", Ct);
        var delays = await DriveRetriesAsync(harness.Emulator, harness.Time, sending);
        var result = await sending;

        Assert.True(result.IsDelivered);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(3, delays.Count);
        Assert.True(delays[0] < delays[1] && delays[1] < delays[2], $"Intervals should grow: {string.Join(", ", delays)}");
        var attempts = harness.Webhook.Of("message");
        Assert.Equal(4, attempts.Count);
        Assert.Single(attempts.Select(a => a.Json).Distinct());
        Assert.Equal(DeliveryState.Delivered, Assert.Single(user.Conversation, m => m.Direction == ChatDirection.UserToBot).State);
    }

    [Fact]
    public async Task Retries_are_bounded_to_10_and_the_message_fails()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        harness.Webhook.Respond = c => new HttpResponseMessage(c.Event == "message" ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);

        var sending = user.SendTextAsync("hello?", Ct);
        var delays = await DriveRetriesAsync(harness.Emulator, harness.Time, sending);
        var result = await sending;

        Assert.Equal(CallbackOutcome.Rejected, result.Outcome);
        Assert.Equal(11, result.Attempts);
        Assert.Equal(500, result.HttpStatus);
        Assert.Equal(10, delays.Count);
        Assert.Equal(delays.Order(), delays);
        Assert.InRange(delays.Aggregate(TimeSpan.Zero, (a, b) => a + b), TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(70));
        var message = Assert.Single(user.Conversation, m => m.Direction == ChatDirection.UserToBot);
        Assert.Equal(DeliveryState.Failed, message.State);
        Assert.Contains("Rejected", message.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Background_callbacks_are_retried_too_and_WhenIdle_waits_for_them()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var failures = 1;
        harness.Webhook.Respond = c => c.Event == "delivered" && Interlocked.Decrement(ref failures) >= 0
            ? new HttpResponseMessage(HttpStatusCode.InternalServerError)
            : new HttpResponseMessage(HttpStatusCode.OK);

        await harness.SendTextAsync(user.Id, "news");
        var retry = await harness.Emulator.WaitForEventAsync<CallbackRetryScheduledEvent>(e => e.EventType == "delivered", cancellationToken: Ct);
        harness.Time.Advance(retry.Delay);
        await harness.Emulator.WhenIdleAsync(Ct);

        Assert.Equal([500, 200], harness.Emulator.CallbackAttempts.Where(a => a.EventType == "delivered").Select(a => a.HttpStatus ?? 0));
    }

    [Fact]
    public async Task An_exception_in_the_webhook_counts_as_a_failed_attempt()
    {
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.CallbackMaxRetries = 1);
        var user = await harness.SubscribedUserAsync();
        harness.Webhook.Respond = c => c.Event == "message" ? throw new InvalidOperationException("bot crashed") : new HttpResponseMessage(HttpStatusCode.OK);

        var sending = user.SendTextAsync("boom", Ct);
        await DriveRetriesAsync(harness.Emulator, harness.Time, sending);
        var result = await sending;

        Assert.Equal(CallbackOutcome.Rejected, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("bot crashed", result.Error, StringComparison.Ordinal);
    }
}
