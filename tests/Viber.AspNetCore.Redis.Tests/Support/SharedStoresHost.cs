using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using Viber.AspNetCore.Conversations;
using Viber.AspNetCore.Redis.Hosting;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>
/// One instance's view of the shared stores (<c>AddRedisScaleOut()</c>) over its own Redis connection: two of them on
/// one prefix are two instances of one bot.
/// </summary>
public sealed class SharedStoresHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SharedStoresHost(ServiceProvider services, IDatabase database)
    {
        _services = services;
        Database = database;
    }

    public IViberUserDetailsStore UserDetails => _services.GetRequiredService<IViberUserDetailsStore>();

    public IViberConversationStore Conversations => _services.GetRequiredService<IViberConversationStore>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <summary>Gets the database the stores use, to look at their keys.</summary>
    public IDatabase Database { get; }

    public static async Task<SharedStoresHost> StartAsync(string connectionString, string prefix, TimeSpan? lockLease = null, TimeSpan? lockTimeout = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders().AddFakeLogging());
        services.AddViberBot(options => options.AuthToken = "tok")
            .AddRedisScaleOut(options =>
            {
                options.Configuration = connectionString;
                options.KeyPrefix = prefix + "dedup:";
                options.UserDetailsKeyPrefix = prefix + "user:";
                options.ConversationKeyPrefix = prefix + "conversation:";
                options.ConversationLockLease = lockLease ?? options.ConversationLockLease;
            })
            .ConfigureConversations(options => options.LockTimeout = lockTimeout ?? options.LockTimeout);
        var provider = services.BuildServiceProvider();
        var database = await provider.GetRequiredService<RedisViberConnection>().GetDatabaseAsync(TestContext.Current.CancellationToken);
        return new SharedStoresHost(provider, database);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
