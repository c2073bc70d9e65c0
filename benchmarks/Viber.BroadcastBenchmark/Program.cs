using System.Diagnostics;
using System.Globalization;
using Viber.BroadcastBenchmark;

// A broadcast to many receivers through the emulator, paced to Viber's limit (500 requests per 10 s):
//   dotnet run -c Release --project benchmarks/Viber.BroadcastBenchmark            1,000,000 receivers, the real limit (about a minute)
//   dotnet run -c Release --project benchmarks/Viber.BroadcastBenchmark -- --quick  the limit scaled to 500 per 1 s (about 6 s)
// Options: --receivers N (default 1,000,000), --small N (the run memory is compared with; default 10,000),
// --latency-ms N (the emulator answers each broadcast_message N ms late, as the real API does in about 100-300 ms;
// default 0), --concurrency N (ViberBotClientOptions.BroadcastConcurrency; default the library's).
// --quick scales the latency by the window's 1/10 too. Each size runs in a process of its own, so their peak working
// sets can be compared.
var quick = args.Contains("--quick");
var receivers = IntArgument("--receivers", 1_000_000);
var small = IntArgument("--small", 10_000);
var latencyMs = IntArgument("--latency-ms", 0);
var concurrency = IntArgument("--concurrency", new Viber.Api.ViberBotClientOptions().BroadcastConcurrency);
const int Permits = 500;
var scale = quick ? 10 : 1;
var window = TimeSpan.FromSeconds(10) / scale;
var latency = TimeSpan.FromMilliseconds(latencyMs) / scale;
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));

if (args.Contains("--child"))
{
    var result = await BroadcastRun.RunAsync(receivers, Permits, window, latency, concurrency, cancel.Token);
    Console.WriteLine(result.ToLine());
    return 0;
}

Console.WriteLine(FormattableString.Invariant(
    $"Broadcast through the emulator, limit {Permits} requests per {window.TotalSeconds:0.###} s, answers {latency.TotalMilliseconds:0.###} ms late, {concurrency} requests in flight{(quick ? " (--quick: window and latency scaled by 1/10)" : string.Empty)}"));
var smallRun = await RunChildAsync(small);
var largeRun = await RunChildAsync(receivers);
foreach (var run in new[] { smallRun, largeRun })
{
    var ratio = run.IdealSeconds > 0 ? run.Seconds / run.IdealSeconds : double.NaN;
    Console.WriteLine(FormattableString.Invariant(
        $"{run.Receivers,9:N0} receivers, {run.Requests,5:N0} requests: {run.Seconds,7:0.00} s vs ideal {run.IdealSeconds,6:0.00} s (first {Permits} at once, then {Permits} per window plus the latency, {concurrency} at a time), ratio {ratio:0.000} (one request at a time: at least {run.Requests * latency.TotalSeconds:0.00} s); most in any window at the emulator {run.MostInAnyWindow} (limit {Permits}), refused {run.Refused}, failed receivers {run.Failed}; peak working set {run.PeakWorkingSetBytes / 1048576.0:0.0} MB"));
}

Console.WriteLine(FormattableString.Invariant(
    $"peak working set, {largeRun.Receivers:N0} vs {smallRun.Receivers:N0} receivers: {(double)largeRun.PeakWorkingSetBytes / smallRun.PeakWorkingSetBytes:0.00}x"));
var ok = largeRun.Refused == 0 && smallRun.Refused == 0 && largeRun.MostInAnyWindow <= Permits && largeRun.Failed == 0;
Console.WriteLine(ok ? "limit kept: yes" : "limit kept: NO");
return ok ? 0 : 1;

async Task<BroadcastRunResult> RunChildAsync(int count)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(BroadcastRun).Assembly.Location);
    }

    string[] childArguments =
    [
        "--child",
        "--receivers", count.ToString(CultureInfo.InvariantCulture),
        "--latency-ms", latencyMs.ToString(CultureInfo.InvariantCulture),
        "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture),
    ];
    foreach (var argument in childArguments.Concat(quick ? ["--quick"] : []))
    {
        start.ArgumentList.Add(argument);
    }

    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync(cancel.Token);
    await child.WaitForExitAsync(cancel.Token);
    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(BroadcastRunResult.Prefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The {count} receivers run failed (exit {child.ExitCode}): {output}");
    return BroadcastRunResult.Parse(line.TrimEnd());
}

int IntArgument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
