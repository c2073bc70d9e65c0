using System.Diagnostics;
using Viber.Api;
using Viber.Fleet.Tests.Support;

namespace Viber.Fleet.Tests;

/// <summary>
/// The production topology with real processes: redis-server, the emulator as Viber's Bot API, and two bot instances
/// (tests/Viber.Fleet.Bot) as separate hosts in background mode over Redis Streams. Each test starts its own fleet.
/// </summary>
public sealed class FleetTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_callback_sent_to_both_instances_is_handled_once()
    {
        await using var fleet = await BotFleet.StartAsync(output);
        var viber = new ViberDelivery(fleet.Bots);
        var tokens = Enumerable.Range(0, 20).Select(_ => Callbacks.NextToken()).ToArray();

        // Each callback reaches both instances at once, as a retry racing the first delivery would.
        await Task.WhenAll(tokens.SelectMany(token =>
        {
            var body = Callbacks.Json(Callbacks.Text("hello", $"user-{token % 7}", token));
            return new[] { viber.DeliverAsync(body, Cancel, first: 0), viber.DeliverAsync(body, Cancel, first: 1) };
        })).WaitAsync(Wait, Cancel);
        await fleet.WaitUntilHandledAsync(tokens.Length, Wait);
        await fleet.WaitUntilDrainedAsync(Wait);

        var handled = fleet.Sink.Handled;
        output.WriteLine($"{viber}; handled {handled.Count} ({PerInstance(handled)})");
        Assert.Equal(2 * tokens.Length, viber.Answered200);
        Assert.Equal(tokens.Order(), handled.Select(h => h.Token).Order());
    }

    [Fact]
    public async Task An_instance_killed_mid_handler_leaves_the_callback_to_the_other_which_handles_it_once()
    {
        await using var fleet = await BotFleet.StartAsync(output);
        var viber = new ViberDelivery(fleet.Bots);
        var token = Callbacks.NextToken();

        await viber.DeliverAsync(Callbacks.Json(Callbacks.Text("block", "user-kill", token)), Cancel, first: 0).WaitAsync(Wait, Cancel);
        await fleet.WaitForAsync(() => fleet.Sink.Started.Count == 1, "a handler to start", Wait);
        var first = fleet.Sink.Started[0].Instance;
        var victim = fleet.Bots.Single(bot => bot.Name == first);
        var survivor = fleet.Bots.Single(bot => bot.Name != first);

        // A process kill: no graceful stop, no lease released, nothing acknowledged.
        var killedAt = Stopwatch.StartNew();
        victim.Kill();
        await fleet.WaitForAsync(() => fleet.Sink.Started.Any(s => s.Instance == survivor.Name), $"{survivor.Name} to take the callback over", Wait);
        var takeover = killedAt.Elapsed;
        fleet.Sink.Release();
        await fleet.WaitForAsync(() => fleet.Sink.Handled.Count >= 1, "the callback to be handled", Wait);
        await fleet.WaitUntilDrainedAsync(Wait);

        output.WriteLine($"{viber}; {victim.Name} killed mid-handler, {survivor.Name} started it again {takeover.TotalSeconds:0.0} s later (lease 2 s, claim idle 5 s since its delivery); handled: {string.Join(", ", fleet.Sink.Handled)}");
        Assert.Equal([(token, survivor.Name)], fleet.Sink.Handled);
        Assert.Equal(0, await fleet.DeadLettersAsync());
    }

    [Fact]
    public async Task Broadcasts_from_both_instances_never_exceed_500_requests_in_any_10_s_window_at_the_emulator()
    {
        await using var fleet = await BotFleet.StartAsync(output);
        var user = fleet.Emulator.Emulator.CreateUser("Broadcast Receiver");
        await SetWebhookAsync(fleet, fleet.A.WebhookUrl);

        // 600 requests in all: the first 500 fit one window, the last 100 must wait for it to pass.
        var started = Stopwatch.StartNew();
        await Task.WhenAll(fleet.Bots.Select(async bot =>
        {
            using var response = await bot.Http.PostAsync($"fleet/broadcast?requests=300&receiver={Uri.EscapeDataString(user.Id)}", null, Cancel);
            Assert.True(response.IsSuccessStatusCode, $"{bot.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}\n{fleet.Diagnostics()}");
        })).WaitAsync(Wait, Cancel);

        var calls = fleet.Emulator.Emulator.ApiCalls.Where(call => call.Method == ViberApiMethods.BroadcastMessage).ToArray();
        var times = calls.Select(call => call.Time).Order().ToArray();
        var most = MaxInAnyWindow(times, TimeSpan.FromSeconds(10));
        output.WriteLine($"broadcast_message requests at the emulator: {calls.Length} in {started.Elapsed.TotalSeconds:0.0} s, at most {most} in any 10 s window, refused (status 12): {calls.Count(call => call.Status == ViberStatus.TooManyRequests)}");
        Assert.Equal(600, calls.Length);
        Assert.All(calls, call => Assert.Equal(ViberStatus.Ok, call.Status));
        Assert.InRange(most, 1, 500);
    }

    [Fact]
    public async Task User_details_fetched_by_one_instance_are_served_to_the_other_from_the_cache()
    {
        await using var fleet = await BotFleet.StartAsync(output);
        var user = fleet.Emulator.Emulator.CreateUser("Holly Gennero");
        await SetWebhookAsync(fleet, fleet.A.WebhookUrl);
        await user.SubscribeAsync(Cancel);   // get_user_details answers about subscribers only

        var fromA = await fleet.A.Http.GetStringAsync($"fleet/details?userId={Uri.EscapeDataString(user.Id)}", Cancel);
        var fromB = await fleet.B.Http.GetStringAsync($"fleet/details?userId={Uri.EscapeDataString(user.Id)}", Cancel);

        var lookups = fleet.Emulator.Emulator.ApiCalls.Count(call => call.Method == ViberApiMethods.GetUserDetails);
        output.WriteLine($"A answered {fromA}, B answered {fromB}; get_user_details calls at the emulator: {lookups}");
        Assert.Equal("Holly Gennero", fromA);
        Assert.Equal("Holly Gennero", fromB);
        Assert.Equal(1, lookups);
    }

    [Fact]
    public async Task Redis_stopped_mid_run_loses_no_callback_and_handles_none_twice_and_everything_recovers()
    {
        await using var fleet = await BotFleet.StartAsync(output);
        var viber = new ViberDelivery(fleet.Bots);
        const int Total = 60;
        var tokens = Enumerable.Range(0, Total).Select(_ => Callbacks.NextToken()).ToArray();
        var outage = Task.Run(async () =>
        {
            // Redis dies once a third of the callbacks were accepted, and returns once the instances answered 503 a few times.
            await fleet.WaitForAsync(() => viber.Answered200 >= Total / 3, "a third of the callbacks accepted", Wait);
            await fleet.Redis.StopAsync();
            var stoppedAt = Stopwatch.StartNew();
            await fleet.WaitForAsync(() => viber.Answered503 >= 10, "503s while Redis is down", Wait);
            await fleet.Redis.RestartAsync(Cancel);
            return stoppedAt.Elapsed;
        }, Cancel);

        await viber.DeliverAllAsync(tokens.Select(token => Callbacks.Json(Callbacks.Text("hello", $"user-{token % 11}", token))), inFlight: 4, Cancel)
            .WaitAsync(Wait, Cancel);
        var down = await outage.WaitAsync(Wait, Cancel);
        await fleet.WaitUntilHandledAsync(Total, Wait);
        await fleet.WaitUntilDrainedAsync(Wait);
        foreach (var bot in fleet.Bots)
        {
            await bot.WaitUntilHealthyAsync(Wait, Cancel);
        }

        var handled = fleet.Sink.Handled;
        output.WriteLine($"{viber}; Redis down {down.TotalSeconds:0.0} s; handled {handled.Count}, distinct {handled.Select(h => h.Token).Distinct().Count()} ({PerInstance(handled)})");
        Assert.Equal(Total, viber.Sent);
        Assert.Equal(Total, viber.Answered200);
        Assert.True(viber.Answered503 >= 10);
        Assert.Equal(tokens.Order(), handled.Select(h => h.Token).Order());
        Assert.Equal(0, await fleet.DeadLettersAsync());
    }

    [Fact]
    public async Task Callbacks_through_nginx_are_spread_over_the_instances_and_survive_one_being_killed()
    {
        await using var fleet = await BotFleet.StartAsync(output);
        await using var nginx = await FleetNginx.StartAsync(fleet.Bots, BotFleet.Token, Cancel);
        var viber = new ViberDelivery([nginx]);
        const int Total = 40;
        var tokens = Enumerable.Range(0, Total).Select(_ => Callbacks.NextToken()).ToArray();
        var kill = Task.Run(async () =>
        {
            // B dies once half the callbacks were accepted: nginx passes the refused connections on to A, and the
            // entries B accepted but had not acknowledged are claimed by A.
            await fleet.WaitForAsync(() => viber.Answered200 >= Total / 2, "half the callbacks accepted", Wait);
            fleet.B.Kill();
        }, Cancel);

        await viber.DeliverAllAsync(tokens.Select(token => Callbacks.Json(Callbacks.Text("hello", $"user-{token % 13}", token))), inFlight: 4, Cancel)
            .WaitAsync(Wait, Cancel);
        await kill.WaitAsync(Wait, Cancel);
        await fleet.WaitUntilHandledAsync(Total, Wait);
        await fleet.WaitUntilDrainedAsync(Wait);

        var handled = fleet.Sink.Handled;
        output.WriteLine($"through nginx: {viber}; B killed after {Total / 2} were accepted; handled {handled.Count} ({PerInstance(handled)})");
        Assert.Equal(Total, viber.Answered200);
        Assert.Equal(tokens.Order(), handled.Select(h => h.Token).Distinct().Order());

        // B is killed at an arbitrary moment, so a handler of B's may have finished (and reported) just before the
        // kill, before B recorded the completion and acknowledged the entry: A then runs it again. That is the one
        // window a crash leaves (at-least-once; see docs/production.md); a second handling is only ever of a callback B
        // was handling when it died, never one that a live instance completed.
        var twice = handled.GroupBy(h => h.Token).Where(g => g.Count() > 1).ToList();
        Assert.All(twice, g => Assert.Equal(new[] { "A", "B" }, g.Select(h => h.Instance).Order()));
        Assert.True(twice.Count <= 2, $"{twice.Count} callbacks handled twice: more than B's in-flight handlers at its kill");
        Assert.Equal(0, await fleet.DeadLettersAsync());
    }

    // How many handlings each instance reported, for the test output.
    private static string PerInstance(IEnumerable<(long Token, string Instance)> handled)
        => string.Join(", ", handled.GroupBy(h => h.Instance).Select(g => $"{g.Key}: {g.Count()}"));

    private static int MaxInAnyWindow(DateTimeOffset[] times, TimeSpan window)
    {
        var most = 0;
        for (int first = 0, last = 0; first < times.Length; first++)
        {
            while (last < times.Length && times[last] - times[first] < window)
            {
                last++;
            }

            most = Math.Max(most, last - first);
        }

        return most;
    }

    private static async Task SetWebhookAsync(BotFleet fleet, Uri url)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fleet.Emulator.ApiBaseUrl, ViberApiMethods.SetWebhook))
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["url"] = url.ToString() }),
        };
        request.Headers.Add(ViberApiMethods.AuthTokenHeader, BotFleet.Token);
        using var response = await http.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode && body.Contains("\"status\":0", StringComparison.Ordinal), $"set_webhook: {body}");
    }
}
