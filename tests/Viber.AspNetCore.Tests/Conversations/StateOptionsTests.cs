using Microsoft.Extensions.Options;
using Viber.AspNetCore.Conversations;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Tests.Conversations;

/// <summary>The state options bind from the bot's section, are validated naming the key, and the stores are replaceable.</summary>
public sealed class StateOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IViberBotBuilder>? configure = null)
    {
        settings["Bot:AuthToken"] = "token";
        settings["Bot:RegisterWebhook"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var builder = services.AddViberBot(configuration.GetSection("Bot"));
        configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Options_bind_from_the_bots_section()
    {
        using var provider = Build(new()
        {
            ["Bot:Conversations:Expiry"] = "02:00:00",
            ["Bot:Conversations:Capacity"] = "7",
            ["Bot:Conversations:LockTimeout"] = "00:00:05",
            ["Bot:UserDetails:RefreshAfter"] = "01:00:00",
            ["Bot:UserDetails:KeepFor"] = "3.00:00:00",
            ["Bot:UserDetails:Capacity"] = "9",
        });

        var conversations = provider.GetRequiredService<IOptions<ViberConversationOptions>>().Value;
        var details = provider.GetRequiredService<IOptions<ViberUserDetailsOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(2), conversations.Expiry);
        Assert.Equal(7, conversations.Capacity);
        Assert.Equal(TimeSpan.FromSeconds(5), conversations.LockTimeout);
        Assert.Equal(TimeSpan.FromHours(1), details.RefreshAfter);
        Assert.Equal(TimeSpan.FromDays(3), details.KeepFor);
        Assert.Equal(9, details.Capacity);
    }

    [Fact]
    public void Settings_made_in_code_win_over_configuration()
    {
        using var provider = Build(
            new() { ["Bot:Conversations:Capacity"] = "7", ["Bot:UserDetails:Capacity"] = "9" },
            b => b.ConfigureConversations(o => o.Capacity = 70).ConfigureUserDetails(o => o.Capacity = 90));

        Assert.Equal(70, provider.GetRequiredService<IOptions<ViberConversationOptions>>().Value.Capacity);
        Assert.Equal(90, provider.GetRequiredService<IOptions<ViberUserDetailsOptions>>().Value.Capacity);
    }

    [Theory]
    [InlineData("Bot:Conversations:Expiry", "00:00:00")]
    [InlineData("Bot:Conversations:Capacity", "0")]
    [InlineData("Bot:Conversations:LockTimeout", "-00:00:01")]
    [InlineData("Bot:UserDetails:RefreshAfter", "00:00:00")]
    [InlineData("Bot:UserDetails:KeepFor", "01:00:00")]
    [InlineData("Bot:UserDetails:Capacity", "0")]
    public void A_bad_value_fails_naming_its_key(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<ViberConversationOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<ViberUserDetailsOptions>>().Value;
        });

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_lock_timeout_is_allowed()
    {
        using var provider = Build(new() { ["Bot:Conversations:LockTimeout"] = "-00:00:00.001" });

        Assert.Equal(Timeout.InfiniteTimeSpan, provider.GetRequiredService<IOptions<ViberConversationOptions>>().Value.LockTimeout);
    }

    [Fact]
    public void The_stores_default_to_memory_and_can_be_replaced()
    {
        using var defaults = Build([]);
        using var replaced = Build([], b => b.AddConversationStore<ReplacementConversationStore>().AddUserDetailsStore<ReplacementUserDetailsStore>());

        Assert.IsType<InMemoryViberConversationStore>(defaults.GetRequiredService<IViberConversationStore>());
        Assert.IsType<InMemoryViberUserDetailsStore>(defaults.GetRequiredService<IViberUserDetailsStore>());
        Assert.IsType<ReplacementConversationStore>(replaced.GetRequiredService<IViberConversationStore>());
        Assert.IsType<ReplacementUserDetailsStore>(replaced.GetRequiredService<IViberUserDetailsStore>());
        Assert.Same(replaced.GetRequiredService<IViberUserDetailsCache>(), replaced.GetRequiredService<IViberUserDetailsCache>());
    }
}
