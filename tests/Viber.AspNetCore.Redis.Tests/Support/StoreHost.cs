using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>The deduplication store as an app resolves it, over its own connection, plus that connection's database.</summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StoreHost(ServiceProvider services, IDatabase database)
    {
        _services = services;
        Database = database;
        Store = services.GetRequiredService<IViberDeduplicationStore>();
        Options = services.GetRequiredService<IOptions<RedisViberOptions>>().Value;
    }

    public IViberDeduplicationStore Store { get; }

    public RedisViberOptions Options { get; }

    /// <summary>Gets the database the store uses, to look at its keys.</summary>
    public IDatabase Database { get; }

    public static async Task<StoreHost> StartAsync(string connectionString, string keyPrefix, TimeSpan? claimTimeout = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddViberBot(options => options.AuthToken = "tok").AddRedisDeduplication(options =>
        {
            options.Configuration = connectionString;
            options.KeyPrefix = keyPrefix;
            options.ClaimTimeout = claimTimeout ?? options.ClaimTimeout;
        });
        var provider = services.BuildServiceProvider();
        var database = await provider.GetRequiredService<RedisViberConnection>().GetDatabaseAsync(TestContext.Current.CancellationToken);
        return new StoreHost(provider, database);
    }

    /// <summary>Gets the key's Redis value, or null.</summary>
    public async Task<string?> ValueAsync(string key) => await Database.StringGetAsync(Options.KeyPrefix + key);

    /// <summary>Gets the key's remaining time to live, or null when it has none or does not exist.</summary>
    public Task<TimeSpan?> TimeToLiveAsync(string key) => Database.KeyTimeToLiveAsync(Options.KeyPrefix + key);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
