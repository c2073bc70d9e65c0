using Microsoft.Extensions.Options;
using Viber.Api;

namespace Viber.AspNetCore.Tests.Hosting;

/// <summary>Options are bound from configuration and validated at start with messages that name the key to set.</summary>
public sealed class OptionsValidationTests
{
    private const string Secret = "tok-do-not-print-7b1e";

    private static ViberBotOptions Resolve(Dictionary<string, string?> settings, string section = "Viber")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddViberBot(configuration.GetSection(section));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ViberBotOptions>>().Value;
    }

    private static string Failure(Dictionary<string, string?> settings, string section = "Viber")
        => Assert.Throws<OptionsValidationException>(() => Resolve(settings, section)).Message;

    private static Dictionary<string, string?> Valid(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Viber:AuthToken"] = Secret,
            ["Viber:WebhookUrl"] = "https://bot.example.com/hooks/viber",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public void Every_option_binds_from_configuration()
    {
        var options = Resolve(Valid(
            ("Viber:WebhookPath", "/local/hook"),
            ("Viber:ApiBaseUrl", "http://127.0.0.1:9/pa/"),
            ("Viber:Sender:Name", "My Bot"),
            ("Viber:Sender:Avatar", "https://example.com/a.jpg"),
            ("Viber:EventTypes:0", "message"),
            ("Viber:EventTypes:1", "seen"),
            ("Viber:SendName", "false"),
            ("Viber:SendPhoto", "false"),
            ("Viber:RegisterWebhook", "false"),
            ("Viber:RemoveWebhookOnShutdown", "true"),
            ("Viber:RegistrationRetryDelay", "00:00:03"),
            ("Viber:RegistrationRetryMaxDelay", "00:02:00"),
            ("Viber:MaxRequestBodySize", "2048"),
            ("Viber:DispatchMode", "Background"),
            ("Viber:BackgroundQueueCapacity", "7"),
            ("Viber:BackgroundWorkers", "3"),
            ("Viber:DeduplicationWindow", "00:30:00"),
            ("Viber:DeduplicationCapacity", "99")));

        Assert.Equal(Secret, options.AuthToken);
        Assert.Equal("https://bot.example.com/hooks/viber", options.WebhookUrl);
        Assert.Equal("/local/hook", options.WebhookPath);
        Assert.Equal("http://127.0.0.1:9/pa/", options.ApiBaseUrl);
        Assert.Equal("My Bot", options.Sender.Name);
        Assert.Equal("https://example.com/a.jpg", options.Sender.Avatar);
        Assert.Equal(["message", "seen"], options.EventTypes);
        Assert.False(options.SendName);
        Assert.False(options.SendPhoto);
        Assert.False(options.RegisterWebhook);
        Assert.True(options.RemoveWebhookOnShutdown);
        Assert.Equal(TimeSpan.FromSeconds(3), options.RegistrationRetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), options.RegistrationRetryMaxDelay);
        Assert.Equal(2048, options.MaxRequestBodySize);
        Assert.Equal(ViberDispatchMode.Background, options.DispatchMode);
        Assert.Equal(7, options.BackgroundQueueCapacity);
        Assert.Equal(3, options.BackgroundWorkers);
        Assert.Equal(TimeSpan.FromMinutes(30), options.DeduplicationWindow);
        Assert.Equal(99, options.DeduplicationCapacity);
    }

    [Fact]
    public void Defaults_match_the_documentation()
    {
        var options = Resolve(new() { ["Viber:AuthToken"] = Secret, ["Viber:RegisterWebhook"] = "false" });

        Assert.Equal(ViberBotOptions.DefaultWebhookPath, options.WebhookPath);
        Assert.Equal(ViberApiMethods.DefaultBaseAddress, options.ApiBaseUrl);
        Assert.Null(options.EventTypes);
        Assert.True(options.SendName);
        Assert.True(options.SendPhoto);
        Assert.False(options.RemoveWebhookOnShutdown);
        Assert.Equal(1024 * 1024, options.MaxRequestBodySize);
        Assert.Equal(ViberDispatchMode.Inline, options.DispatchMode);
        Assert.Equal(1000, options.BackgroundQueueCapacity);
        Assert.Equal(32, options.BackgroundWorkers);
        Assert.Equal(TimeSpan.FromHours(2), options.DeduplicationWindow);
        Assert.Equal(100_000, options.DeduplicationCapacity);
    }

    [Fact]
    public void The_webhook_path_defaults_to_the_path_of_the_webhook_url()
        => Assert.Equal("/hooks/viber", Resolve(Valid()).WebhookPath);

    [Fact]
    public void A_missing_token_names_the_key_and_the_environment_variable()
    {
        var message = Failure(Valid(("Viber:AuthToken", null)));

        Assert.Contains("Viber:AuthToken is required", message, StringComparison.Ordinal);
        Assert.Contains("Viber__AuthToken", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_webhook_url_is_required_only_when_registering()
    {
        var message = Failure(Valid(("Viber:WebhookUrl", null)));

        Assert.Contains("Viber:WebhookUrl is required when Viber:RegisterWebhook is true", message, StringComparison.Ordinal);
        Assert.Null(Resolve(Valid(("Viber:WebhookUrl", null), ("Viber:RegisterWebhook", "false"))).WebhookUrl);
    }

    [Theory]
    [InlineData("bot.example.com/hook", "must be an absolute URL")]
    [InlineData("ftp://bot.example.com/hook", "must be an absolute URL")]
    [InlineData("http://bot.example.com/hook", "must use https")]
    public void A_bad_webhook_url_says_what_is_wrong(string url, string expected)
        => Assert.Contains($"Viber:WebhookUrl {expected}", Failure(Valid(("Viber:WebhookUrl", url))), StringComparison.Ordinal);

    [Theory]
    [InlineData("http://localhost:5000/viber/webhook")]
    [InlineData("http://127.0.0.1:5000/viber/webhook")]
    [InlineData("http://[::1]:5000/viber/webhook")]
    public void Http_is_allowed_for_loopback_hosts(string url)
        => Assert.Equal(url, Resolve(Valid(("Viber:WebhookUrl", url))).WebhookUrl);

    [Fact]
    public void A_sender_name_over_28_characters_is_refused()
    {
        var message = Failure(Valid(("Viber:Sender:Name", new string('n', 29))));

        Assert.Contains("Viber:Sender:Name must be 1 to 28 characters", message, StringComparison.Ordinal);
        Assert.Equal(28, Resolve(Valid(("Viber:Sender:Name", new string('n', 28)))).Sender.Name!.Length);
    }

    public static TheoryData<string> EventNames
        => new([.. ViberEventType.Subscribable.Select(e => e.Value), ViberEventType.Webhook.Value, ViberEventType.ClientStatus.Value, "typing", "Message"]);

    [Theory]
    [MemberData(nameof(EventNames))]
    public void An_event_type_is_accepted_exactly_when_set_webhook_may_list_it(string eventType)
        => Assert.Equal(new ViberEventType(eventType).IsSubscribable, Record.Exception(() => Resolve(Valid(("Viber:EventTypes:0", eventType)))) is null);

    [Fact]
    public void An_unknown_event_type_is_named_with_its_index()
        => Assert.Contains("Viber:EventTypes:1 is 'typing'", Failure(Valid(("Viber:EventTypes:0", "message"), ("Viber:EventTypes:1", "typing"))), StringComparison.Ordinal);

    [Theory]
    [InlineData("Viber:WebhookPath", "relative/path", "Viber:WebhookPath must start with '/'")]
    [InlineData("Viber:ApiBaseUrl", "not a url", "Viber:ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("Viber:Sender:Avatar", "avatar.jpg", "Viber:Sender:Avatar must be an absolute http(s) URL")]
    [InlineData("Viber:Sender:Avatar", "ftp://example.com/a.jpg", "Viber:Sender:Avatar must be an absolute http(s) URL")]
    [InlineData("Viber:MaxRequestBodySize", "0", "Viber:MaxRequestBodySize must be a positive number")]
    [InlineData("Viber:BackgroundQueueCapacity", "0", "Viber:BackgroundQueueCapacity must be a positive number")]
    [InlineData("Viber:BackgroundWorkers", "-1", "Viber:BackgroundWorkers must be a positive number")]
    [InlineData("Viber:DeduplicationCapacity", "0", "Viber:DeduplicationCapacity must be a positive number")]
    [InlineData("Viber:DeduplicationWindow", "00:00:00", "Viber:DeduplicationWindow must be a positive time span")]
    [InlineData("Viber:RegistrationRetryMaxDelay", "00:00:01", "Viber:RegistrationRetryMaxDelay must be at least Viber:RegistrationRetryDelay")]
    public void Other_bad_values_name_their_key(string key, string value, string expected)
        => Assert.Contains(expected, Failure(Valid((key, value))), StringComparison.Ordinal);

    [Fact]
    public void Messages_use_the_section_path_the_options_come_from()
    {
        var message = Failure(new() { ["Bots:Main:WebhookUrl"] = "https://bot.example.com/" }, "Bots:Main");

        Assert.Contains("Bots:Main:AuthToken is required", message, StringComparison.Ordinal);
        Assert.Contains("Bots__Main__AuthToken", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_never_appears_in_a_validation_message()
    {
        var message = Failure(Valid(
            ("Viber:WebhookUrl", "http://bot.example.com/" + Secret),
            ("Viber:Sender:Name", new string('n', 40)),
            ("Viber:EventTypes:0", "nope")));

        Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_stop_the_app_at_start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddViberBot(o => o.WebhookUrl = "https://bot.example.com/viber");
        await using var app = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Viber:AuthToken is required", exception.Message, StringComparison.Ordinal);
    }
}
