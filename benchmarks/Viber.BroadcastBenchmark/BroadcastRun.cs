using System.Diagnostics;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.Emulator;
using Viber.Emulator.Hosting;

namespace Viber.BroadcastBenchmark;

/// <summary>
/// One broadcast through the emulator over loopback HTTP: the library's <see cref="ViberBotClient"/> paced by its own
/// limiter, the emulator enforcing the same limit and counting its busiest window.
/// </summary>
internal static class BroadcastRun
{
    public static async Task<BroadcastRunResult> RunAsync(int receivers, int permits, TimeSpan window, TimeSpan latency, int concurrency, CancellationToken cancellationToken)
    {
        var emulator = new ViberEmulator(new ViberEmulatorOptions
        {
            BroadcastRequestsPerWindow = permits,
            BroadcastWindow = window,
            AcceptUnknownBroadcastReceivers = true,

            // The real API's time per request, which the emulator otherwise answers in well under a millisecond.
            BroadcastResponseDelay = latency,

            // The feed keeps each call's request body; a short history keeps the emulator's memory out of the figures.
            EventHistoryLimit = 16,
        });
        await using var server = await ViberEmulatorServer.StartAsync(emulator, cancellationToken: cancellationToken);
        emulator.UseCallbackHandler(() => new AcceptingWebhook());
        using var http = new HttpClient(new SocketsHttpHandler());
        using var client = new ViberBotClient(http, new ViberBotClientOptions
        {
            AuthToken = emulator.AuthToken,
            BaseAddress = server.ApiBaseUrl,
            DefaultSender = new ViberSender { Name = "Bench" },
            BroadcastRequestsPerWindow = permits,
            BroadcastWindow = window,
            BroadcastConcurrency = concurrency,
        });
        await client.SetWebhookAsync(new SetWebhookRequest { Url = "https://bench.example/viber/webhook" }, cancellationToken);

        var progress = new ConsoleProgress(receivers);
        var started = Stopwatch.GetTimestamp();
        var result = await client.BroadcastMessageAsync(
            new TextMessage { Text = "News for replace_me_with_user_name" },
            GeneratedReceivers.Take(receivers),
            new ViberBroadcastOptions { Progress = progress, ReceiverCount = receivers },
            cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var requests = (receivers + ViberBotClient.MaxBroadcastReceiversPerRequest - 1) / ViberBotClient.MaxBroadcastReceiversPerRequest;
        var account = emulator.Account;
        using var process = Process.GetCurrentProcess();
        return new BroadcastRunResult(
            result.ReceiverCount,
            requests,
            elapsed.TotalSeconds,
            IdealSeconds(requests, permits, window, latency, concurrency),
            account.MostBroadcastsInAnyWindow,
            account.BroadcastsRefused,
            result.Failed.Count,
            process.PeakWorkingSet64);
    }

    // The first `permits` requests may go at once, then `permits` per window plus a request's time (a permit comes back
    // a window after its answer), and the last answer takes a request's time; nor can `concurrency` requests at a time
    // go faster than one request's time each. The broadcast ends no sooner than the later of the two.
    public static double IdealSeconds(int requests, int permits, TimeSpan window, TimeSpan latency, int concurrency)
    {
        var paced = ((requests - 1) / permits * (window + latency)) + latency;
        var inFlight = (requests + concurrency - 1) / concurrency * latency;
        return (paced > inFlight ? paced : inFlight).TotalSeconds;
    }
}
