using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Background;

/// <summary>DispatchMode.Background: 200 first, handlers from a bounded queue, 503 when full, drained on shutdown.</summary>
public sealed class BackgroundDispatchTests
{
    private static Action<ViberBotOptions> Background(int capacity = 100, int workers = 1) => o =>
    {
        o.DispatchMode = ViberDispatchMode.Background;
        o.BackgroundQueueCapacity = capacity;
        o.BackgroundWorkers = workers;
    };

    /// <summary>A handler that records the callback and then waits for the test to release it.</summary>
    private static Action<IViberBotBuilder> Blocking(TaskCompletionSource release)
        => b => b.On<MessageCallback, CallbackLog>(async (c, log, _) =>
        {
            log.Add(((TextMessage)c.Message!).Text!, c);
            await release.Task;
        });

    [Fact]
    public async Task The_answer_is_200_before_the_handler_finishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TestBot.StartAsync(options: Background(), bot: Blocking(release));

        using var response = await bot.PostAsync(Callbacks.Text("a"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await bot.Callbacks.WaitForAsync();
        release.SetResult();
        Assert.Equal(["a"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task A_full_queue_answers_503_and_the_refused_callback_runs_when_retried()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TestBot.StartAsync(options: Background(capacity: 1), bot: Blocking(release));
        var c = Callbacks.Json(Callbacks.Text("c"));

        using var a = await bot.PostAsync(Callbacks.Text("a"));
        await bot.Callbacks.WaitForAsync();
        using var b = await bot.PostAsync(Callbacks.Text("b"));
        using var full = await bot.PostAsync(c);

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Single(bot.Logs.WithEvent("QueueFull"));

        release.SetResult();
        await bot.Callbacks.WaitForAsync();
        using var retried = await bot.PostAsync(c);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await bot.Callbacks.WaitForAsync();
        Assert.Equal(["a", "b", "c"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task Stopping_drains_the_queue()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TestBot.StartAsync(options: Background(), bot: Blocking(release));

        using var a = await bot.PostAsync(Callbacks.Text("a"));
        await bot.Callbacks.WaitForAsync();
        using var b = await bot.PostAsync(Callbacks.Text("b"));
        using var c = await bot.PostAsync(Callbacks.Text("c"));
        var stopping = bot.App.StopAsync(TestContext.Current.CancellationToken);
        await bot.Logs.WaitForEventAsync("QueueDraining");
        release.SetResult();
        await Waits.ForAsync(stopping);

        Assert.Equal(["a", "b", "c"], bot.Callbacks.Handlers);
        Assert.Empty(bot.Logs.WithEvent("QueueDrainTimedOut"));
    }

    [Fact]
    public async Task Handlers_still_running_when_the_shutdown_timeout_elapses_are_cancelled()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TestBot.StartAsync(
            options: Background(),
            bot: b => b.On<MessageCallback, CallbackLog>(async (c, log, ct) =>
            {
                log.Add("started", c);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    cancelled.TrySetResult();
                }
            }),
            services: s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200)));

        using var a = await bot.PostAsync(Callbacks.Text("a"));
        await bot.Callbacks.WaitForAsync();
        await Waits.ForAsync(bot.App.StopAsync(TestContext.Current.CancellationToken));

        await Waits.ForAsync(cancelled.Task);
        Assert.Single(bot.Logs.WithEvent("QueueDrainTimedOut"));
        await bot.Logs.WaitForEventAsync("HandlerCancelled");
    }

    [Fact]
    public async Task Callbacks_of_one_user_run_in_arrival_order_with_several_workers()
    {
        var order = new ConcurrentQueue<string>();
        await using var bot = await TestBot.StartAsync(
            options: Background(capacity: 1000, workers: 4),
            bot: b => b.On<MessageCallback, CallbackLog>(async (c, log, _) =>
            {
                await Task.Yield();
                order.Enqueue(((TextMessage)c.Message!).Text!);
                log.Add("message", c);
            }),

            // A budget that admits all 30 even before the first handler run is measured.
            services: s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(10)));

        for (var i = 0; i < 30; i++)
        {
            using var response = await bot.PostAsync(Callbacks.Text($"{i}", userId: "same-user"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await bot.Callbacks.WaitForAsync(30);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"{i}"), order);
    }

    [Fact]
    public async Task A_failing_background_handler_is_logged_after_the_200()
    {
        await using var bot = await TestBot.StartAsync(options: Background(), bot: b => b.On<MessageCallback>((_, _, _) => throw new InvalidOperationException("boom")));

        using var response = await bot.PostAsync(Callbacks.Text("a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = await bot.Logs.WaitForEventAsync("HandlerFailed");
        Assert.Equal("boom", error.Exception?.Message);
    }

    [Fact]
    public async Task Conversation_started_still_runs_inline_so_the_welcome_message_is_in_the_answer()
    {
        await using var bot = await TestBot.StartAsync(
            options: o =>
            {
                Background()(o);
                o.Sender.Name = "Bot";
            },
            bot: b => b.OnConversationStarted((_, _, _) => Task.FromResult<ViberMessage?>(new TextMessage { Text = "welcome" })));

        using var response = await bot.PostAsync(Callbacks.ConversationStarted());

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("welcome", json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_worker_continues_the_trace_of_the_request_that_queued_the_callback()
    {
        var callback = Callbacks.Text("traced");
        var token = callback.MessageToken!.Value;
        var activities = new ConcurrentQueue<Activity>();
        using var stopped = new SemaphoreSlim(0);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ViberDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(ViberDiagnostics.MessageTokenTag), token))
                {
                    activities.Enqueue(activity);
                    stopped.Release();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var bot = await TestBot.StartAsync(options: Background(), bot: b => b.Record<MessageCallback>("message"));

        using var response = await bot.PostAsync(callback);
        await Waits.ForAsync(stopped, 2);

        var receive = Assert.Single(activities, a => a.OperationName == ViberDiagnostics.ReceiveActivityName);
        var dispatch = Assert.Single(activities, a => a.OperationName == ViberDiagnostics.DispatchActivityName);
        Assert.Equal(receive.TraceId, dispatch.TraceId);
        Assert.Equal(receive.SpanId, dispatch.ParentSpanId);
    }
}
