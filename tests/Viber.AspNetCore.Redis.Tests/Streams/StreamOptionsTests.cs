using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.AspNetCore.Background;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Redis.Streams;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests.Streams;

/// <summary>
/// <c>AddRedisBackgroundDispatch()</c>: options bound from <c>Viber:Redis:Streams</c> and validated with messages
/// naming the key; the Redis queue and store replace the in-memory ones.
/// </summary>
public sealed class StreamOptionsTests
{
    private static RedisViberStreamOptions Resolve(Action<IViberBotBuilder> redis, Dictionary<string, string?>? settings = null)
        => OptionsHost.Resolve<RedisViberStreamOptions>(redis, settings);

    [Fact]
    public void Every_option_binds_from_the_Viber_Redis_Streams_section_and_code_wins()
    {
        var options = Resolve(b => b.AddRedisDeduplication("localhost:6379").AddRedisBackgroundDispatch(o => o.Partitions = 3), new()
        {
            ["Viber:Redis:Streams:KeyPrefix"] = "bot-a:stream:",
            ["Viber:Redis:Streams:Partitions"] = "16",
            ["Viber:Redis:Streams:MaxLength"] = "500",
            ["Viber:Redis:Streams:DeadLetterMaxLength"] = "50",
            ["Viber:Redis:Streams:ConsumerGroup"] = "bots",
            ["Viber:Redis:Streams:ConsumerName"] = "pod-7",
            ["Viber:Redis:Streams:MaxAttempts"] = "9",
            ["Viber:Redis:Streams:RetryDelay"] = "00:00:02",
            ["Viber:Redis:Streams:ClaimIdleTimeout"] = "00:02:00",
            ["Viber:Redis:Streams:LeaseTimeout"] = "00:00:20",
            ["Viber:Redis:Streams:PollInterval"] = "00:00:01",
        });

        Assert.Equal("bot-a:stream:", options.KeyPrefix);
        Assert.Equal(3, options.Partitions);
        Assert.Equal(500, options.MaxLength);
        Assert.Equal(50, options.DeadLetterMaxLength);
        Assert.Equal("bots", options.ConsumerGroup);
        Assert.Equal("pod-7", options.ConsumerName);
        Assert.Equal(9, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ClaimIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), options.LeaseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PollInterval);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = Resolve(b => b.AddRedisDeduplication("localhost:6379").AddRedisBackgroundDispatch());

        Assert.Equal("viber:stream:", options.KeyPrefix);
        Assert.Equal(8, options.Partitions);
        Assert.Equal(10_000, options.MaxLength);
        Assert.Equal(10_000, options.DeadLetterMaxLength);
        Assert.Equal("viber", options.ConsumerGroup);
        Assert.Null(options.ConsumerName);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClaimIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), options.LeaseTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.PollInterval);
    }

    [Fact]
    public void Invalid_values_are_reported_together_each_naming_its_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(b => b.AddRedisDeduplication("localhost:6379").AddRedisBackgroundDispatch(o =>
        {
            o.KeyPrefix = "";
            o.Partitions = 0;
            o.MaxLength = 0;
            o.ConsumerName = " ";
            o.MaxAttempts = 0;
            o.ClaimIdleTimeout = TimeSpan.Zero;
            o.LeaseTimeout = TimeSpan.FromMilliseconds(5);
        })));

        foreach (var key in new[] { "KeyPrefix", "Partitions", "MaxLength", "ConsumerName", "MaxAttempts", "ClaimIdleTimeout", "LeaseTimeout" })
        {
            Assert.Contains($"Viber:Redis:Streams:{key} ", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void It_replaces_the_in_memory_queue_and_store_keeps_the_apps_connection_and_registers_once()
    {
        var multiplexer = new Lazy<IConnectionMultiplexer>(() => throw new InvalidOperationException("not connected in this test"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddViberBot(options => options.AuthToken = "tok")
            .AddRedisDeduplication(_ => multiplexer.Value, o => o.KeyPrefix = "own:")
            .AddRedisBackgroundDispatch()
            .AddRedisBackgroundDispatch();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisStreamQueue>(provider.GetRequiredService<IViberBackgroundQueue>());
        Assert.IsType<RedisViberDeduplicationStore>(provider.GetRequiredService<IViberDeduplicationStore>());
        Assert.NotNull(provider.GetRequiredService<Hosting.RedisViberConnectionSource>().Factory);
        Assert.Single(services, descriptor => descriptor.ImplementationType == typeof(RedisStreamDispatcher));
        Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, r => r.Name == RedisStreamHealthCheck.Name);
    }

    [Fact]
    public void The_partition_of_a_user_is_the_same_in_every_process()
    {
        var layout = new RedisStreamLayout(Options.Create(new RedisViberStreamOptions { Partitions = 8 }));

        // FNV-1a of the UTF-8 bytes, fixed here: string.GetHashCode would differ between processes and split a user.
        Assert.Equal(layout.PartitionOf("01234567890A=", "ignored"), layout.PartitionOf("01234567890A=", "other key"));
        Assert.Equal(
            [4, 5, 0, 1],
            new[] { "user-1", "user-2", "01234567890A=", "\u00e9" }.Select(user => layout.PartitionOf(user, "key")));
        Assert.Equal(layout.PartitionOf(null, "message:5:user"), layout.PartitionOf("message:5:user", "unused"));
    }
}
