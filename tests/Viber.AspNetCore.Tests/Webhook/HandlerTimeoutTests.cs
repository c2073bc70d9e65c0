using System.Diagnostics;
using System.Net;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>
/// Inline mode bounds a callback's work: after Viber:HandlerTimeout the handlers' token is cancelled and the
/// callback answered 503 (claim released, so Viber's retry runs it again).
/// </summary>
public sealed class HandlerTimeoutTests
{
    [Fact]
    public async Task A_handler_running_past_the_handler_timeout_is_cancelled_and_answered_503_and_the_retry_runs_again()
    {
        using var time = new SignalingTimeProvider();
        var attempts = 0;
        await using var bot = await TestBot.StartAsync(
            bot: b => b.On<MessageCallback, CallbackLog>(async (c, log, ct) =>
            {
                log.Add("started", c);
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
            }),
            services: s => s.AddSingleton<TimeProvider>(time));
        var callback = Callbacks.Json(Callbacks.Text("hanging API"));

        var first = bot.PostAsync(callback);
        await bot.Callbacks.WaitForAsync();
        await time.WaitForDelayAsync();
        time.Advance(ViberBotOptions.DefaultHandlerTimeout);

        using var timedOut = await Waits.ForAsync(first);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, timedOut.StatusCode);
        Assert.Single(bot.Logs.WithEvent("HandlerTimedOut"));

        using var retried = await bot.PostAsync(callback);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(["started", "started"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task On_the_system_clock_every_callback_gets_a_live_token_with_its_own_full_timeout()
    {
        // The system clock is the path where sources are reset and reused: a cancelled source must never serve again,
        // and a reused one must be armed afresh, neither expired by its earlier use nor left without a timeout.
        var timeout = TimeSpan.FromMilliseconds(300);
        var liveAtStart = new List<bool>();
        var waitedBeforeCancel = new List<TimeSpan>();
        await using var bot = await TestBot.StartAsync(
            options: o => o.HandlerTimeout = timeout,
            bot: b => b.On<MessageCallback>(async (c, _, ct) =>
            {
                lock (liveAtStart)
                {
                    liveAtStart.Add(!ct.IsCancellationRequested);
                }

                if (c.Message is TextMessage { Text: "wait" })
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    finally
                    {
                        lock (waitedBeforeCancel)
                        {
                            waitedBeforeCancel.Add(Stopwatch.GetElapsedTime(started));
                        }
                    }
                }
            }));

        using var firstTimedOut = await Waits.ForAsync(bot.PostAsync(Callbacks.Json(Callbacks.Text("wait"))));
        for (var i = 0; i < 20; i++)
        {
            using var quick = await Waits.ForAsync(bot.PostAsync(Callbacks.Json(Callbacks.Text("quick"))));
            Assert.Equal(HttpStatusCode.OK, quick.StatusCode);
        }

        using var secondTimedOut = await Waits.ForAsync(bot.PostAsync(Callbacks.Json(Callbacks.Text("wait"))));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, firstTimedOut.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, secondTimedOut.StatusCode);
        Assert.Equal(22, liveAtStart.Count);
        Assert.All(liveAtStart, Assert.True);
        Assert.Equal(2, waitedBeforeCancel.Count);

        // Timers do not fire early: a wait cut shorter than the timeout would be a timer left over from an earlier use.
        Assert.All(waitedBeforeCancel, waited => Assert.True(waited >= timeout - TimeSpan.FromMilliseconds(20), $"cancelled after {waited}"));
    }
}
