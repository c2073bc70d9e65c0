using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Viber.AspNetCore.Redis.Hosting;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests;

/// <summary>Options bind from <c>Viber:Redis</c> and are validated at start with messages that name the key to set.</summary>
public sealed class RedisOptionsTests
{
    private static RedisViberOptions Resolve(Action<IViberBotBuilder> redis, Dictionary<string, string?>? settings = null)
        => OptionsHost.Resolve<RedisViberOptions>(redis, settings);

    private static string Failure(Action<IViberBotBuilder> redis, Dictionary<string, string?>? settings = null)
        => Assert.Throws<OptionsValidationException>(() => Resolve(redis, settings)).Message;

    [Fact]
    public void Every_option_binds_from_the_Viber_Redis_section()
    {
        var options = Resolve(b => b.AddRedisDeduplication(), new()
        {
            ["Viber:Redis:Configuration"] = "redis.internal:6380,ssl=true",
            ["Viber:Redis:KeyPrefix"] = "bot-a:",
            ["Viber:Redis:ClaimTimeout"] = "00:00:45",
            ["Viber:Redis:ConnectTimeout"] = "00:00:01.5",
            ["Viber:Redis:OperationTimeout"] = "00:00:00.75",
            ["Viber:Redis:BroadcastKey"] = "bot-a:broadcast",
            ["Viber:Redis:UserDetailsKeyPrefix"] = "bot-a:user:",
            ["Viber:Redis:ConversationKeyPrefix"] = "bot-a:conversation:",
            ["Viber:Redis:ConversationLockLease"] = "00:00:10",
        });

        Assert.Equal("redis.internal:6380,ssl=true", options.Configuration);
        Assert.Equal("bot-a:", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(45), options.ClaimTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(0.75), options.OperationTimeout);
        Assert.Equal("bot-a:broadcast", options.BroadcastKey);
        Assert.Equal("bot-a:user:", options.UserDetailsKeyPrefix);
        Assert.Equal("bot-a:conversation:", options.ConversationKeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConversationLockLease);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = Resolve(b => b.AddRedisDeduplication("localhost:6379"));

        Assert.Equal("viber:dedup:", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClaimTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.OperationTimeout);
        Assert.Equal("viber:broadcast", options.BroadcastKey);
        Assert.Equal("viber:user:", options.UserDetailsKeyPrefix);
        Assert.Equal("viber:conversation:", options.ConversationKeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ConversationLockLease);
    }

    [Fact]
    public void Bad_store_keys_and_lock_lease_fail_at_start_naming_the_key()
    {
        var message = Failure(b => b.AddRedisScaleOut(o =>
        {
            o.Configuration = "localhost:6379";
            o.UserDetailsKeyPrefix = "";
            o.ConversationKeyPrefix = "";
            o.ConversationLockLease = TimeSpan.FromMilliseconds(10);
        }));

        Assert.Contains("Viber:Redis:UserDetailsKeyPrefix must not be empty", message, StringComparison.Ordinal);
        Assert.Contains("Viber:Redis:ConversationKeyPrefix must not be empty", message, StringComparison.Ordinal);
        Assert.Contains("Viber:Redis:ConversationLockLease must be a time span between 30 ms", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_registrations_add_the_connection_once_and_replace_the_in_memory_stores()
    {
        using var provider = OptionsHost.Build(b => b.AddRedisDeduplication("localhost:6379").AddRedisUserDetailsStore().AddRedisConversationStore());

        Assert.Equal("Viber.AspNetCore.Redis.Users.RedisViberUserDetailsStore", provider.GetRequiredService<Viber.AspNetCore.Users.IViberUserDetailsStore>().GetType().FullName);
        Assert.Equal("Viber.AspNetCore.Redis.Conversations.RedisViberConversationStore", provider.GetRequiredService<Viber.AspNetCore.Conversations.IViberConversationStore>().GetType().FullName);
        Assert.Single(provider.GetServices<RedisViberConnection>());
    }

    [Fact]
    public void The_client_is_configured_to_fail_fast_while_Redis_is_down()
    {
        var configuration = RedisViberConfiguration.Create(new RedisViberOptions
        {
            Configuration = "localhost:6379",
            ConnectTimeout = TimeSpan.FromMilliseconds(1500),
            OperationTimeout = TimeSpan.FromMilliseconds(750),
        });

        Assert.False(configuration.AbortOnConnectFail);
        Assert.Equal(1500, configuration.ConnectTimeout);
        Assert.Equal(750, configuration.SyncTimeout);
        Assert.Equal(750, configuration.AsyncTimeout);
        Assert.Same(BacklogPolicy.FailFast, configuration.BacklogPolicy);
    }

    [Fact]
    public void Timeouts_set_in_the_configuration_string_win_over_the_options()
    {
        var configuration = RedisViberConfiguration.Create(new RedisViberOptions
        {
            Configuration = "localhost:6379, connectTimeout=300,SYNCTIMEOUT=400,asyncTimeout=500,abortConnect=true",
        });

        Assert.True(configuration.AbortOnConnectFail);
        Assert.Equal(300, configuration.ConnectTimeout);
        Assert.Equal(400, configuration.SyncTimeout);
        Assert.Equal(500, configuration.AsyncTimeout);
    }

    [Fact]
    public void Settings_in_code_win_over_the_configuration()
    {
        var options = Resolve(b => b.AddRedisDeduplication("code:6379"), new() { ["Viber:Redis:Configuration"] = "config:6379", ["Viber:Redis:KeyPrefix"] = "from-config:" });

        Assert.Equal("code:6379", options.Configuration);
        Assert.Equal("from-config:", options.KeyPrefix);
    }

    [Fact]
    public void A_missing_connection_string_names_the_configuration_key_and_the_environment_variable()
    {
        var message = Failure(b => b.AddRedisDeduplication());

        Assert.Contains("Viber:Redis:Configuration is required", message, StringComparison.Ordinal);
        Assert.Contains("Viber__Redis__Configuration", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_connection_string_is_reported_without_its_password()
    {
        var message = Failure(b => b.AddRedisDeduplication("localhost:6379,password=hunter2-do-not-print,retries=3"));

        Assert.Contains("Viber:Redis:Configuration is not a valid StackExchange.Redis configuration string", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-do-not-print", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_prefix_and_claim_timeout_are_checked_together()
    {
        var message = Failure(b => b.AddRedisDeduplication(o =>
        {
            o.Configuration = "localhost:6379";
            o.KeyPrefix = "";
            o.ClaimTimeout = TimeSpan.Zero;
            o.ConnectTimeout = TimeSpan.Zero;
            o.OperationTimeout = TimeSpan.FromDays(30);
            o.BroadcastKey = "";
        }));

        Assert.Contains("Viber:Redis:ConnectTimeout must be a time span between 1 ms", message, StringComparison.Ordinal);
        Assert.Contains("Viber:Redis:OperationTimeout must be a time span between 1 ms", message, StringComparison.Ordinal);
        Assert.Contains("Viber:Redis:BroadcastKey must not be empty", message, StringComparison.Ordinal);

        Assert.Contains("Viber:Redis:KeyPrefix must not be empty", message, StringComparison.Ordinal);
        Assert.Contains("Viber:Redis:ClaimTimeout must be a positive time span", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_from_the_apps_services_needs_no_connection_string()
    {
        var options = Resolve(b => b.AddRedisDeduplication(services => services.GetRequiredService<IConnectionMultiplexer>(), o => o.KeyPrefix = "shared:"));

        Assert.Null(options.Configuration);
        Assert.Equal("shared:", options.KeyPrefix);
    }

    [Fact]
    public void A_blank_connection_string_is_refused_at_once()
        => Assert.Throws<ArgumentException>(() => new ServiceCollection().AddViberBot(o => o.AuthToken = "tok").AddRedisDeduplication(" "));

    [Fact]
    public void The_Redis_store_replaces_the_in_memory_one()
    {
        using var provider = OptionsHost.Build(b => b.AddRedisDeduplication("localhost:6379"));

        Assert.IsType<RedisViberDeduplicationStore>(provider.GetRequiredService<IViberDeduplicationStore>());
    }

    [Fact]
    public async Task The_app_does_not_start_with_invalid_options()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddViberBot(o =>
        {
            o.AuthToken = "tok";
            o.RegisterWebhook = false;
        }).AddRedisDeduplication();
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Viber:Redis:Configuration is required", failure.Message, StringComparison.Ordinal);
    }
}
