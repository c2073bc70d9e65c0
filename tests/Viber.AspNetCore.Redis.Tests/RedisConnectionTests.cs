using StackExchange.Redis;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Redis.Hosting;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests;

/// <summary>One lazy connection per app, disposed with the app unless the app brought its own.</summary>
public sealed class RedisConnectionTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ServiceProvider Build(Action<IViberBotBuilder> addRedis, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        services?.Invoke(collection);
        addRedis(collection.AddViberBot(options => options.AuthToken = "tok"));
        return collection.BuildServiceProvider();
    }

    [Fact]
    public async Task Concurrent_first_uses_share_one_connection_that_is_disposed_with_the_app()
    {
        var provider = Build(b => b.AddRedisDeduplication(redis.ConnectionString));
        var connection = provider.GetRequiredService<RedisViberConnection>();

        var databases = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => connection.GetDatabaseAsync(Cancel).AsTask(), Cancel)));
        var multiplexer = databases[0].Multiplexer;
        Assert.All(databases, database => Assert.Same(multiplexer, database.Multiplexer));
        Assert.True(multiplexer.IsConnected);

        await provider.DisposeAsync();

        Assert.False(multiplexer.IsConnected);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.GetDatabaseAsync(Cancel).AsTask());
    }

    [Fact]
    public async Task A_synchronously_disposed_container_disposes_the_connection_too()
    {
        var provider = Build(b => b.AddRedisDeduplication(redis.ConnectionString));
        var database = await provider.GetRequiredService<RedisViberConnection>().GetDatabaseAsync(Cancel);

        provider.Dispose();

        Assert.False(database.Multiplexer.IsConnected);
    }

    [Fact]
    public async Task The_apps_own_connection_is_used_and_left_open()
    {
        await using var own = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var provider = Build(
            b => b.AddRedisDeduplication(services => services.GetRequiredService<IConnectionMultiplexer>(), o => o.KeyPrefix = $"own:{Guid.NewGuid():N}:"),
            services => services.AddSingleton<IConnectionMultiplexer>(own));

        var database = await provider.GetRequiredService<RedisViberConnection>().GetDatabaseAsync(Cancel);
        var claim = await provider.GetRequiredService<IViberDeduplicationStore>().TryClaimAsync("message:1", ViberDeduplicationClaimToken.New(), TimeSpan.FromMinutes(1), Cancel);
        await provider.DisposeAsync();

        Assert.Same(own, database.Multiplexer);
        Assert.Equal(ViberDeduplicationClaim.Claimed, claim);
        Assert.True(own.IsConnected);
        await own.GetDatabase().PingAsync();
    }

    [Fact]
    public async Task A_failed_connection_attempt_is_retried_by_the_next_call()
    {
        await using var own = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var attempts = 0;
        await using var provider = Build(b => b.AddRedisDeduplication(_ => Interlocked.Increment(ref attempts) == 1
            ? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not up yet", null, CommandStatus.Unknown)
            : own));
        var connection = provider.GetRequiredService<RedisViberConnection>();

        await Assert.ThrowsAsync<RedisConnectionException>(() => connection.GetDatabaseAsync(Cancel).AsTask());
        var database = await connection.GetDatabaseAsync(Cancel);

        Assert.Same(own, database.Multiplexer);
        Assert.Equal(2, attempts);
    }
}
