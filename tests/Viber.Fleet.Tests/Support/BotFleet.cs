using System.Diagnostics;
using System.Globalization;
using System.Text;
using StackExchange.Redis;
using Viber.AspNetCore.Redis.Tests.Support;
using Viber.Emulator;
using Viber.Emulator.Hosting;

namespace Viber.Fleet.Tests.Support;

/// <summary>
/// The production topology on one machine: a durable redis-server, the emulator as the Viber Bot API, the test's
/// sink, and two bot instances A and B as separate processes sharing Redis. Without redis-server the test is skipped,
/// except on CI (<c>CI=true</c>), where it fails.
/// </summary>
public sealed class BotFleet : IAsyncDisposable
{
    public const string Token = "tok-fleet-8c2d41f7-SECRET";
    public const int Partitions = 2;
    private const string StreamPrefix = "viber:stream:";

    private readonly ITestOutputHelper _output;
    private readonly List<BotProcess> _bots = [];
    private ConnectionMultiplexer? _redisClient;

    private BotFleet(ITestOutputHelper output) => _output = output;

    public RedisServer Redis { get; private set; } = null!;

    public ViberEmulatorServer Emulator { get; private set; } = null!;

    public FleetSink Sink { get; private set; } = null!;

    public BotProcess A => _bots[0];

    public BotProcess B => _bots[1];

    public IReadOnlyList<BotProcess> Bots => _bots;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<BotFleet> StartAsync(ITestOutputHelper output)
    {
        if (RedisServer.UnavailableReason is { } reason)
        {
            Assert.SkipWhen(!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), reason);
            Assert.Fail($"{reason}; CI must install it (see .ci/run).");
        }

        var fleet = new BotFleet(output);
        try
        {
            fleet.Redis = await RedisServer.StartAsync(Cancel, durable: true);
            fleet.Emulator = await ViberEmulatorServer.StartAsync(new ViberEmulatorOptions { AuthToken = Token }, cancellationToken: Cancel);
            fleet.Sink = await FleetSink.StartAsync(Cancel);
            var environment = fleet.BotEnvironment();
            var started = await Task.WhenAll(new[] { "A", "B" }.Select(name => BotProcess.StartAsync(name, environment, Token, Cancel)));
            fleet._bots.AddRange(started);
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Gets a connection of the test's own to look at the streams.</summary>
    public async Task<IDatabase> RedisAsync()
    {
        _redisClient ??= await ConnectionMultiplexer.ConnectAsync($"{Redis.ConnectionString},abortConnect=false");
        return _redisClient.GetDatabase();
    }

    /// <summary>Waits until every partition stream is empty: each entry's handlers ran and it was acknowledged.</summary>
    public async Task WaitUntilDrainedAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            long backlog = 0;
            try
            {
                var database = await RedisAsync();
                for (var partition = 0; partition < Partitions; partition++)
                {
                    backlog += await database.StreamLengthAsync(StreamPrefix + partition.ToString(CultureInfo.InvariantCulture));
                }
            }
            catch (RedisConnectionException)
            {
                backlog = -1;
            }

            if (backlog == 0)
            {
                return;
            }

            Assert.True(deadline.Elapsed < timeout, $"The streams still held {backlog} entries after {timeout}.\n{Diagnostics()}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), Cancel);
        }
    }

    /// <summary>Gets the dead-letter stream's length.</summary>
    public async Task<long> DeadLettersAsync() => await (await RedisAsync()).StreamLengthAsync(StreamPrefix + "dead");

    /// <summary>Waits for a condition on the sink's record.</summary>
    public async Task WaitForAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < timeout, $"Waited {timeout} for {what}.\n{Diagnostics()}");
            await Task.Delay(TimeSpan.FromMilliseconds(20), Cancel);
        }
    }

    /// <summary>Waits until the sink recorded <paramref name="count"/> distinct callbacks handled (duplicates count once).</summary>
    public Task WaitUntilHandledAsync(int count, TimeSpan timeout)
        => WaitForAsync(() => Sink.Handled.Select(h => h.Token).Distinct().Count() == count, "every callback handled", timeout);

    public string Diagnostics()
    {
        var text = new StringBuilder();
        foreach (var bot in _bots)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- bot {bot.Name} output ---").AppendLine(bot.Output);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            _output.WriteLine($"--- bot {bot.Name} output (warnings and errors) ---");
            _output.WriteLine(bot.Output);
            await bot.DisposeAsync();
        }

        if (_redisClient is not null)
        {
            await _redisClient.DisposeAsync();
        }

        if (Sink is not null)
        {
            await Sink.DisposeAsync();
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }

    private Dictionary<string, string> BotEnvironment() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Fleet__Sink"] = Sink.Address.ToString(),
        ["Viber__AuthToken"] = Token,
        ["Viber__ApiBaseUrl"] = Emulator.ApiBaseUrl.ToString(),
        ["Viber__RegisterWebhook"] = "false",
        ["Viber__Sender__Name"] = "Fleet Bot",
        ["Viber__DispatchMode"] = "Background",
        ["Viber__Redis__Configuration"] = Redis.ConnectionString,

        // A callback whose claim could not be released (Redis went down between claim and append) answers its
        // retries 503 until the claim expires: 20 s here rather than the default 5 minutes, so the outage test is
        // short. It must stay above the time an entry can wait in the stream after an outage (workers back off, leases
        // move): a claim expiring earlier lets a retry append the callback a second time when the first append's
        // answer was lost but the entry was stored.
        ["Viber__Redis__ClaimTimeout"] = "00:00:20",
        ["Viber__Redis__Streams__Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture),
        ["Viber__Redis__Streams__LeaseTimeout"] = "00:00:02",
        // Above a short Redis outage plus the 1 s retry of a completion that failed in it: an instance that handled an
        // entry just before Redis went down completes it before another may claim it (else it would run twice).
        ["Viber__Redis__Streams__ClaimIdleTimeout"] = "00:00:05",
        ["Viber__Redis__Streams__PollInterval"] = "00:00:00.050",
        ["Viber__Redis__Streams__RetryDelay"] = "00:00:00.200",
        ["Viber__Redis__Streams__MaxAttempts"] = "50",
    };
}
