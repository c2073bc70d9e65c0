using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Background;

/// <summary>
/// Background mode and shutdown: the queue takes only what its workers are expected to get through within the
/// shutdown timeout, and a callback answered 200 but never handled is logged at Error and counted as lost.
/// </summary>
public sealed class BackgroundShutdownTests
{
    private static Action<ViberBotOptions> Background(int workers = 1) => o =>
    {
        o.DispatchMode = ViberDispatchMode.Background;
        o.BackgroundQueueCapacity = 1000;
        o.BackgroundWorkers = workers;
    };

    [Fact]
    public async Task The_queue_refuses_with_503_what_could_not_drain_within_the_shutdown_timeout()
    {
        var time = new FakeTimeProvider();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TestBot.StartAsync(
            options: Background(),
            bot: b => b.On<MessageCallback, CallbackLog>(async (c, log, ct) =>
            {
                var text = ((TextMessage)c.Message!).Text!;
                log.Add(text, c);
                await (text == "a" ? first.Task : hold.Task).WaitAsync(ct);
            }),
            services: s => s
                .AddSingleton<TimeProvider>(time)
                .Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20)));

        // One callback measured at 6 s: the drain budget (20 s less a 2 s margin) holds 3 more per worker.
        using var a = await bot.PostAsync(Callbacks.Text("a"));
        await bot.Callbacks.WaitForAsync();
        time.Advance(TimeSpan.FromSeconds(6));
        first.SetResult();
        using var b = await bot.PostAsync(Callbacks.Text("b"));
        await bot.Callbacks.WaitForAsync();

        var queued = new List<HttpStatusCode>();
        foreach (var text in new[] { "c", "d", "e", "f" })
        {
            using var response = await bot.PostAsync(Callbacks.Text(text));
            queued.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], queued);
        Assert.Single(bot.Logs.WithEvent("QueueOverDrainBudget"));
        hold.SetResult();
    }

    [Fact]
    public async Task Callbacks_not_handled_by_the_shutdown_deadline_are_logged_as_lost_and_counted()
    {
        using var time = new SignalingTimeProvider();
        await using var bot = await TestBot.StartAsync(
            options: Background(),
            bot: b => b.On<MessageCallback, CallbackLog>(async (c, log, ct) =>
            {
                log.Add("started", c);
                await Task.Delay(Timeout.Infinite, ct);
            }),
            services: s => s
                .AddSingleton<TimeProvider>(time)
                .Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromHours(1)));
        using var lost = new MetricCollector<long>(bot.Services.GetRequiredService<IMeterFactory>(), ViberDiagnostics.MeterName, ViberDiagnostics.CallbacksLost);
        var callbacks = new[] { Callbacks.Text("running"), Callbacks.Text("queued 1"), Callbacks.Text("queued 2") };

        using var running = await bot.PostAsync(callbacks[0]);
        await bot.Callbacks.WaitForAsync();
        using var queued1 = await bot.PostAsync(callbacks[1]);
        using var queued2 = await bot.PostAsync(callbacks[2]);
        Assert.All([running, queued1, queued2], response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));

        var stopped = bot.App.StopAsync(TestContext.Current.CancellationToken);
        await time.WaitForDelayAsync();
        time.Advance(TimeSpan.FromHours(1));
        await Waits.ForAsync(stopped);

        var records = bot.Logs.WithEvent("CallbackLost");
        Assert.All(records, record => Assert.Equal(LogLevel.Error, record.Level));
        Assert.Equal(
            callbacks.Select(c => c.MessageToken.ToString()).Order(),
            records.Select(record => record.StructuredState!.Single(pair => pair.Key == "MessageToken").Value).Order());
        Assert.Equal(3, lost.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), record => record.AllText().Contains(TestBot.Token, StringComparison.Ordinal));
    }
}
