using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>
/// A signed callback older than the deduplication window is a replay (its key may be forgotten): answered 200, not
/// dispatched, logged and counted. Age is measured on the bot's TimeProvider.
/// </summary>
public sealed class ReplayWindowTests
{
    // Far from the wall clock on purpose: the window must follow the bot's clock, not the machine's.
    private static readonly DateTimeOffset BotNow = new(2031, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static Task<TestBot> StartAsync(Action<ViberBotOptions>? options = null)
        => TestBot.StartAsync(
            options: o =>
            {
                o.DeduplicationWindow = TimeSpan.FromHours(2);
                options?.Invoke(o);
            },
            bot: TestHandlers.RecordAll,
            services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(BotNow)));

    private static MessageCallback TextAt(DateTimeOffset time)
    {
        var callback = Callbacks.Text("at " + time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        callback.Timestamp = time.ToUnixTimeMilliseconds();
        return callback;
    }

    [Fact]
    public async Task A_callback_older_than_the_window_is_answered_200_without_dispatch_logged_and_counted()
    {
        await using var bot = await StartAsync();
        using var rejected = new MetricCollector<long>(bot.Services.GetRequiredService<IMeterFactory>(), ViberDiagnostics.MeterName, ViberDiagnostics.CallbacksRejected);
        var old = TextAt(BotNow - TimeSpan.FromHours(2) - ViberBotOptions.ReplayMargin - TimeSpan.FromSeconds(1));

        using var response = await bot.PostAsync(old);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
        var log = Assert.Single(bot.Logs.WithEvent("CallbackTooOld"));
        Assert.Equal(old.MessageToken.ToString(), log.GetStructuredStateValue("MessageToken"));
        Assert.Equal(ViberDiagnostics.ReasonTooOld, Assert.Single(rejected.GetMeasurementSnapshot()).Tags[ViberDiagnostics.ReasonTag]);
    }

    [Fact]
    public async Task A_2016_callback_is_a_replay()
    {
        await using var bot = await StartAsync();

        using var response = await bot.PostAsync(TextAt(new DateTimeOffset(2016, 3, 12, 6, 29, 57, TimeSpan.Zero)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task Callbacks_within_the_window_or_ahead_of_the_bots_clock_or_without_a_timestamp_are_dispatched()
    {
        await using var bot = await StartAsync();

        (await bot.PostAsync(TextAt(BotNow - TimeSpan.FromHours(2)))).Dispose();
        (await bot.PostAsync(TextAt(BotNow + TimeSpan.FromMinutes(3)))).Dispose();
        (await bot.PostAsync(TextAt(DateTimeOffset.UnixEpoch))).Dispose();

        Assert.Equal(3, bot.Callbacks.Entries.Count);
        Assert.Empty(bot.Logs.WithEvent("CallbackTooOld"));
    }

    [Fact]
    public async Task The_webhook_check_is_answered_whatever_its_age()
    {
        await using var bot = await StartAsync();
        var check = Callbacks.Webhook();
        check.Timestamp = new DateTimeOffset(2016, 3, 12, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        using var response = await bot.PostAsync(check);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Logs.WithEvent("WebhookCheck"));
        Assert.Empty(bot.Logs.WithEvent("CallbackTooOld"));
    }

    [Fact]
    public async Task With_RejectReplays_off_an_old_callback_is_dispatched()
    {
        await using var bot = await StartAsync(o => o.RejectReplays = false);

        using var response = await bot.PostAsync(TextAt(BotNow - TimeSpan.FromDays(365)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }
}
