using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;

namespace Viber.Testing.Tests;

/// <summary>The recording client test projects share: it records every call, answers with replaceable behaviours, and its waits are bounded.</summary>
public sealed class RecordingViberBotClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sends_broadcasts_and_user_lookups_are_recorded_in_order()
    {
        using var client = new RecordingViberBotClient();

        await client.SendMessageAsync(new TextMessage { Receiver = "u1", Text = "one" }, Ct);
        await client.SendMessageAsync(new TextMessage { Receiver = "u2", Text = "two" }, Ct);
        var broadcast = await client.BroadcastMessageAsync(new TextMessage { Text = "all" }, ["u1", "u2", "u3"], Ct);
        await Assert.ThrowsAsync<ViberApiException>(() => client.GetUserDetailsAsync("u9", Ct));

        Assert.Equal(["u1", "u2"], client.Sent.Select(m => m.Receiver));
        Assert.Equal(["u1", "u2", "u3"], Assert.Single(client.Broadcasts).Receivers);
        Assert.Equal(3, broadcast.SucceededCount);
        Assert.Equal(["u9"], client.UserDetailsRequests);
    }

    [Fact]
    public async Task A_streamed_broadcast_is_recorded_with_its_options_and_its_outcome_reported_as_progress()
    {
        using var client = new RecordingViberBotClient
        {
            OnBroadcastMessage = (b, _) =>
            {
                var result = new BroadcastResult { ReceiverCount = b.Receivers.Count };
                result.Failed.Add(new BroadcastFailure { Receiver = "u2", Status = ViberStatus.ReceiverNotSubscribed });
                return Task.FromResult(result);
            },
        };
        var reports = new List<ViberBroadcastProgress>();
        var options = new ViberBroadcastOptions { Progress = new SynchronousProgress(reports.Add) };

        var result = await client.BroadcastMessageAsync(new TextMessage { Text = "all" }, Stream("u1", "u2", "u3"), options, Ct);

        var broadcast = Assert.Single(client.Broadcasts);
        Assert.Equal(["u1", "u2", "u3"], broadcast.Receivers);
        Assert.Same(options, broadcast.Options);
        Assert.Equal(2, result.SucceededCount);
        var report = Assert.Single(reports);
        Assert.Equal((2, 1, 1, 3), (report.Succeeded, report.Failed, report.Requests, report.TotalReceivers));
        Assert.Equal(1d, report.Fraction);
    }

    private static async IAsyncEnumerable<string> Stream(params string[] ids)
    {
        foreach (var id in ids)
        {
            await Task.Yield();
            yield return id;
        }
    }

    private sealed class SynchronousProgress(Action<ViberBroadcastProgress> report) : IProgress<ViberBroadcastProgress>
    {
        public void Report(ViberBroadcastProgress value) => report(value);
    }

    [Fact]
    public async Task A_failing_behaviour_reaches_the_caller_and_the_call_is_still_recorded_and_signalled()
    {
        using var client = new RecordingViberBotClient
        {
            OnSendMessage = (_, _) => Task.FromException<SendMessageResponse>(new ViberApiException("send_message", ViberStatus.ReceiverNotSubscribed, "not subscribed")),
        };

        await Assert.ThrowsAsync<ViberApiException>(() => client.SendMessageAsync(new TextMessage { Receiver = "u1", Text = "hi" }, Ct));
        await client.WaitForSentAsync(cancellationToken: Ct);

        Assert.Single(client.Sent);
    }

    [Fact]
    public async Task A_wait_that_is_not_satisfied_fails_at_its_bound_and_says_what_was_recorded()
    {
        using var client = new RecordingViberBotClient { WaitTimeout = TimeSpan.FromMilliseconds(200) };
        await client.SendMessageAsync(new TextMessage { Receiver = "u1", Text = "only one" }, Ct);

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => client.WaitForSentAsync(2, Ct));

        Assert.Contains("send_message call 2 of 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("text to u1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_retry_schedule_is_short()
    {
        var options = new Viber.Emulator.ViberEmulatorOptions().UseTestRetrySchedule();

        Assert.Equal(3, options.CallbackMaxRetries);
        Assert.True(options.CallbackRetryDelay * 7 < TimeSpan.FromSeconds(1), "Three doubling retries must end within a second.");
    }
}
