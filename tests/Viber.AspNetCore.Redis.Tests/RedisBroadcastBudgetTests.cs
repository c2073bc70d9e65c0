using StackExchange.Redis;
using Viber.Api;
using Viber.Api.Messages;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests;

/// <summary>
/// Viber's broadcast limit is per bot, so a scaled-out bot's instances share one budget through Redis: together
/// they never exceed it in any window, counted where the requests arrive.
/// </summary>
public sealed class RedisBroadcastBudgetTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const int Budget = 10;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly string _key = $"broadcast:{Guid.NewGuid():N}";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ServiceProvider StartInstance(ArrivalLog viber, bool fleetWide = true, string? connectionString = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        var bot = services.AddViberBot(o =>
        {
            o.AuthToken = "tok";
            o.RegisterWebhook = false;
            o.Sender.Name = "Bot";
        }).ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(viber.CreateHandler));
        bot.AddRedisDeduplication(o =>
        {
            o.Configuration = connectionString ?? redis.ConnectionString;
            o.BroadcastKey = _key;
        });
        if (fleetWide)
        {
            bot.AddRedisBroadcastBudget();
        }

        services.Configure<ViberBotClientOptions>(o =>
        {
            o.BroadcastRequestsPerWindow = Budget;
            o.BroadcastWindow = Window;
        });
        return services.BuildServiceProvider();
    }

    private static Task BroadcastAsync(IServiceProvider instance, int requests)
        => Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            using var scope = instance.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<IViberBotClient>()
                .BroadcastMessageAsync(new TextMessage { Text = $"news {i}" }, ["user-1", "user-2"], Cancel);
            Assert.True(result.AllSucceeded);
        }));

    [Fact]
    public async Task Two_instances_together_never_exceed_the_budget_in_any_window()
    {
        var viber = new ArrivalLog();
        await using var a = StartInstance(viber);
        await using var b = StartInstance(viber);

        await Task.WhenAll(BroadcastAsync(a, 15), BroadcastAsync(b, 15)).WaitAsync(TimeSpan.FromMinutes(1), Cancel);

        Assert.Equal(30, viber.Arrivals.Length);
        var most = viber.MaxInAnyWindow(Window);
        Assert.True(most is >= 1 and <= Budget, $"{most} requests arrived within one window of {Window} (budget {Budget}); arrivals, ms after the first: {viber.Describe()}");
        var limiter = a.GetRequiredService<IViberBroadcastBudget>().Limiter;
        Assert.Equal(15, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task Without_the_shared_budget_two_instances_exceed_it_together()
    {
        // The failure the shared budget prevents: each in-memory budget counts only its own instance's requests.
        var viber = new ArrivalLog();
        await using var a = StartInstance(viber, fleetWide: false);
        await using var b = StartInstance(viber, fleetWide: false);

        await Task.WhenAll(BroadcastAsync(a, Budget), BroadcastAsync(b, Budget)).WaitAsync(TimeSpan.FromMinutes(1), Cancel);

        Assert.True(viber.MaxInAnyWindow(Window) > Budget);
    }

    [Fact]
    public async Task With_Redis_down_a_broadcast_fails_instead_of_going_out_unmetered()
    {
        _ = redis.Server; // skips (or on CI fails) without redis-server
        await using var server = await RedisServer.StartAsync(Cancel);
        var viber = new ArrivalLog();
        await using var instance = StartInstance(viber, connectionString: server.ConnectionString);
        await BroadcastAsync(instance, 1);

        await server.StopAsync();
        using var scope = instance.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IViberBotClient>();

        await Assert.ThrowsAnyAsync<RedisConnectionException>(() => client.BroadcastMessageAsync(new TextMessage { Text = "unmetered?" }, ["user-1"], Cancel));
        Assert.Single(viber.Arrivals);
    }

    [Fact]
    public void The_shared_budget_needs_the_Redis_connection_of_AddRedisDeduplication()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddViberBot(o => o.AuthToken = "tok").AddRedisBroadcastBudget();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IViberBroadcastBudget>());

        Assert.Contains("AddRedisDeduplication", exception.Message, StringComparison.Ordinal);
    }
}
