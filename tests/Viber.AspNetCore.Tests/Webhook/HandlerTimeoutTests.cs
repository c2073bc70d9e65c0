using System.Net;
using Viber.Api.Callbacks;
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
}
