using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Client;
using Viber.Api.Messages;
using Viber.AspNetCore.Hosting;

namespace Viber.AspNetCore.Tests.Hosting;

/// <summary>
/// The start-up check (ValidateOnStart) and the client apply the same rules: a setting the start-up check accepts
/// never fails when the client is created or sends its first message, and one it refuses the client refuses too.
/// </summary>
public sealed class StartUpAgreesWithClientTests
{
    private const string Token = "tok-do-not-print-3c9a";

    public static TheoryData<string, string, bool> Settings => new()
    {
        { "Viber:AuthToken", Token, true },
        { "Viber:AuthToken", Token + "\r\n", false },
        { "Viber:AuthToken", "tok\ten", false },
        { "Viber:AuthToken", "tok\u007Fen", false },
        { "Viber:AuthToken", "   ", false },
        { "Viber:AuthToken", "tok\u2014en", false },
        { "Viber:AuthToken", "tok\u00E9en", false },
        { "Viber:ApiBaseUrl", "HTTP://127.0.0.1:9/pa/", true },
        { "Viber:ApiBaseUrl", "/pa/", false },
        { "Viber:ApiBaseUrl", "ftp://example.com/pa/", false },
        { "Viber:Sender:Avatar", "https://example.com/a.jpg", true },
        { "Viber:Sender:Avatar", "ftp://example.com/a.jpg", false },
        { "Viber:Sender:Avatar", "/a.jpg", false },
        { "Viber:Sender:Name", new string('n', ViberSender.MaxNameLength), true },
        { "Viber:Sender:Name", new string('n', ViberSender.MaxNameLength + 1), false },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void The_start_up_check_accepts_exactly_what_the_client_accepts(string key, string value, bool accepted)
    {
        var configuration = Configuration(key, value);

        Assert.Equal(accepted, StartUpError(configuration) is null);
        Assert.Equal(accepted, ClientError(configuration) is null);
    }

    [Fact]
    public void A_token_with_a_control_character_stops_the_start_naming_the_key_and_variable_but_not_the_token()
    {
        var error = Assert.IsType<OptionsValidationException>(StartUpError(Configuration("Viber:AuthToken", Token + "\n")));

        Assert.Contains("Viber:AuthToken must not contain control characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("Viber__AuthToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_ASCII_token_stops_the_start_naming_the_key_and_variable_but_not_the_token()
    {
        // Accepted, it would verify signatures but fail every API call: HTTP headers carry only ASCII.
        const string nonAscii = "tok-d\u00F6-not-print-3c9a";

        var error = Assert.IsType<OptionsValidationException>(StartUpError(Configuration("Viber:AuthToken", nonAscii)));

        Assert.Contains("Viber:AuthToken must contain only ASCII characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("Viber__AuthToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nonAscii, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string key, string value)
        => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Viber:AuthToken"] = Token,
            ["Viber:RegisterWebhook"] = "false",
            ["Viber:Sender:Name"] = "Bot",
            [key] = value,
        }).Build();

    private static Exception? StartUpError(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddViberBot(configuration.GetSection("Viber"));
        using var provider = services.BuildServiceProvider();
        return Record.Exception(() => provider.GetRequiredService<IOptions<ViberBotOptions>>().Value);
    }

    /// <summary>The client's side, without the start-up check: the options AddViberBot derives, a client, and a first message from the configured sender.</summary>
    private static Exception? ClientError(IConfiguration configuration)
    {
        var bot = new ViberBotOptions();
        configuration.GetSection("Viber").Bind(bot);
        return Record.Exception(() =>
        {
            var clientOptions = new ViberBotClientOptions();
            new ViberClientOptionsSetup(Options.Create(bot)).Configure(clientOptions);
            using var client = new ViberBotClient(new HttpClient(), clientOptions);
            _ = ViberMessageSerializer.SerializeWelcomeMessage(new TextMessage { Text = "hi" }, clientOptions.DefaultSender);
        });
    }
}
