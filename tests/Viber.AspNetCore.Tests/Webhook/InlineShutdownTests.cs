using System.Net;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>
/// Inline mode during a graceful stop: handlers already running finish and are answered 200 (their replies were
/// sent, so a 503 would make Viber retry and the bot reply twice); only the shutdown deadline cancels them (503);
/// callbacks arriving after the stop began get 503 without running any handler.
/// </summary>
public sealed class InlineShutdownTests
{
    /// <summary>A handler that records the callback, then waits for the test (or for its token).</summary>
    private static Action<IViberBotBuilder> Waiting(Task release)
        => b => b.On<MessageCallback, CallbackLog>(async (c, log, ct) =>
        {
            log.Add("started", c);
            await release.WaitAsync(ct);
            log.Add("finished", c);
        });

    private static Task WhenStoppingAsync(TestBot bot)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        return Waits.ForAsync(stopping.Task);
    }

    [Fact]
    public async Task A_handler_running_when_the_app_starts_stopping_finishes_and_is_answered_200()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TestBot.StartAsync(bot: Waiting(release.Task));

        var response = bot.PostAsync(Callbacks.Text("in flight"));
        await bot.Callbacks.WaitForAsync();
        var stopped = bot.App.StopAsync(TestContext.Current.CancellationToken);
        await WhenStoppingAsync(bot);
        release.SetResult();

        using var answer = await Waits.ForAsync(response);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(["started", "finished"], bot.Callbacks.Handlers);
        await Waits.ForAsync(stopped);
        Assert.Empty(bot.Logs.WithEvent("HandlerCancelled"));
    }

    [Fact]
    public async Task A_handler_still_running_at_the_shutdown_deadline_is_cancelled_and_answered_503()
    {
        using var time = new SignalingTimeProvider();
        await using var bot = await TestBot.StartAsync(
            bot: Waiting(Task.Delay(Timeout.Infinite, TestContext.Current.CancellationToken)),
            services: s => s
                .AddSingleton<TimeProvider>(time)
                .Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromHours(1)));

        var response = bot.PostAsync(Callbacks.Text("slow"));
        await bot.Callbacks.WaitForAsync();
        var stopped = bot.App.StopAsync(TestContext.Current.CancellationToken);
        await time.WaitForDelayAsync();
        Assert.False(response.IsCompleted);
        time.Advance(TimeSpan.FromHours(1));

        using var answer = await Waits.ForAsync(response);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(["started"], bot.Callbacks.Handlers);
        Assert.Single(bot.Logs.WithEvent("HandlerCancelled"));
        await Waits.ForAsync(stopped);
    }

    [Fact]
    public async Task A_callback_arriving_after_the_app_started_stopping_is_answered_503_without_dispatch()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.Record<MessageCallback>("message"));

        bot.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        using var response = await bot.PostAsync(Callbacks.Text("late"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(bot.Callbacks.Handlers);
        Assert.Single(bot.Logs.WithEvent("RefusedWhileStopping"));
    }
}
