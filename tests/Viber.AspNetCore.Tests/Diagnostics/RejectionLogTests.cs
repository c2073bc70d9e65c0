using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Diagnostics;

/// <summary>A flood of refused requests is logged at a bounded rate, and measured in full.</summary>
public sealed class RejectionLogTests
{
    private const string BadSignature = "0000000000000000000000000000000000000000000000000000000000000000";

    [Fact]
    public async Task Bad_signatures_are_logged_once_per_interval_then_summarized_and_all_counted()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await TestBot.StartAsync(
            options: o => o.RejectionLogInterval = TimeSpan.FromSeconds(10),
            bot: TestHandlers.RecordAll,
            services: s => s.AddSingleton<TimeProvider>(time));
        using var rejected = new MetricCollector<long>(bot.Services.GetRequiredService<IMeterFactory>(), ViberDiagnostics.MeterName, ViberDiagnostics.CallbacksRejected);
        var body = Callbacks.Json(Callbacks.Text("forged"));

        for (var i = 0; i < 5; i++)
        {
            using var response = await bot.PostAsync(body, BadSignature);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Single(bot.Logs.WithEvent("SignatureRejected"));
        Assert.Empty(bot.Logs.WithEvent("RejectionsSummarized"));
        Assert.Equal(5, rejected.GetMeasurementSnapshot().Count);

        // The interval ends: one summary with the count, without waiting for another rejection.
        time.Advance(TimeSpan.FromSeconds(10));
        var summary = Assert.Single(bot.Logs.WithEvent("RejectionsSummarized"));
        Assert.Contains("4 more Viber callbacks were rejected with a missing or bad signature in the last 10 s", summary.Message, StringComparison.Ordinal);

        // The next interval starts with a record in full again.
        (await bot.PostAsync(body, signature: null)).Dispose();
        Assert.Equal(2, bot.Logs.WithEvent("SignatureRejected").Count);
        Assert.Single(bot.Logs.WithEvent("RejectionsSummarized"));
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task Each_kind_of_rejection_has_its_own_interval()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll, services: s => s.AddSingleton<TimeProvider>(time));

        for (var i = 0; i < 3; i++)
        {
            (await bot.PostAsync("not json"u8.ToArray())).Dispose();
            (await bot.PostAsync(Callbacks.Json(Callbacks.Text("x")), BadSignature)).Dispose();
            (await bot.Http.GetAsync(new Uri(bot.WebhookPath, UriKind.Relative), TestContext.Current.CancellationToken)).Dispose();
        }

        Assert.Single(bot.Logs.WithEvent("InvalidJson"));
        Assert.Single(bot.Logs.WithEvent("SignatureRejected"));
        Assert.Single(bot.Logs.WithEvent("MethodNotAllowed"));
        time.Advance(ViberBotOptions.DefaultRejectionLogInterval);
        Assert.Equal(3, bot.Logs.WithEvent("RejectionsSummarized").Count);
        Assert.All(bot.Logs.WithEvent("RejectionsSummarized"), record => Assert.Equal("2", record.GetStructuredStateValue("Count")));
    }

    [Fact]
    public async Task A_replayed_signed_body_is_logged_as_a_duplicate_once_per_interval_and_every_one_is_counted()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll, services: s => s.AddSingleton<TimeProvider>(time));
        using var duplicates = new MetricCollector<long>(bot.Services.GetRequiredService<IMeterFactory>(), ViberDiagnostics.MeterName, ViberDiagnostics.CallbacksDuplicate);
        var body = Callbacks.Json(Callbacks.Text("once"));

        for (var i = 0; i < 6; i++)
        {
            using var response = await bot.PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Single(bot.Callbacks.Entries);
        Assert.Single(bot.Logs.WithEvent("DuplicateCallback"));
        Assert.Equal(5, duplicates.GetMeasurementSnapshot().Count);
        time.Advance(ViberBotOptions.DefaultRejectionLogInterval);
        var summary = Assert.Single(bot.Logs.WithEvent("RejectionsSummarized"));
        Assert.Equal("4", summary.GetStructuredStateValue("Count"));
    }

    [Fact]
    public async Task A_full_background_queue_is_logged_once_per_interval_not_once_per_request()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TestBot.StartAsync(
            options: o =>
            {
                o.DispatchMode = ViberDispatchMode.Background;
                o.BackgroundQueueCapacity = 1;
                o.BackgroundWorkers = 1;
            },
            bot: b => b.On<MessageCallback, CallbackLog>(async (c, log, _) =>
            {
                log.Add(((TextMessage)c.Message!).Text!, c);
                await release.Task;
            }),
            services: s => s.AddSingleton<TimeProvider>(time));

        (await bot.PostAsync(Callbacks.Text("running"))).Dispose();
        await bot.Callbacks.WaitForAsync();
        (await bot.PostAsync(Callbacks.Text("queued"))).Dispose();
        for (var i = 0; i < 4; i++)
        {
            using var full = await bot.PostAsync(Callbacks.Text("full " + i));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        }

        Assert.Single(bot.Logs.WithEvent("QueueFull"));
        time.Advance(ViberBotOptions.DefaultRejectionLogInterval);
        var summary = Assert.Single(bot.Logs.WithEvent("RejectionsSummarized"));
        Assert.Contains("background queue was full", summary.Message, StringComparison.Ordinal);
        Assert.Equal("3", summary.GetStructuredStateValue("Count"));
        release.SetResult();
    }
}
