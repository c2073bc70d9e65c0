using EchoBot;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Emulator;

namespace Viber.AspNetCore.Tests.EchoBot;

/// <summary>
/// When the sample runs on its in-app emulator, and when it must not: emulator mode starts in Development without a
/// token, or when Viber:Emulator:Enabled says so; anywhere else a missing token stops the app at start-up.
/// </summary>
public sealed class EmulatorModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Staging", null)]
    [InlineData("Development", "false")]
    public void Without_a_token_outside_emulator_mode_the_app_stops_at_startup_naming_the_key(string environment, string? enabled)
    {
        using var factory = new WebApplicationFactory<EchoBotApp>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            if (enabled is not null)
            {
                builder.UseSetting("Viber:Emulator:Enabled", enabled);
            }
        });

        var failure = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Viber:AuthToken is required", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Viber__AuthToken", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_emulator_runs_only_when_enabled_explicitly()
    {
        var port = FreePort.Next();
        await using var factory = new WebApplicationFactory<EchoBotApp>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Viber:Emulator:Enabled", "true");
            builder.UseSetting("urls", $"http://127.0.0.1:{port}");
        });
        factory.UseKestrel(port);
        factory.StartServer();
        var emulator = factory.Services.GetRequiredService<ViberEmulator>();

        await emulator.WaitForWebhookAsync(cancellationToken: Ct);
        var user = emulator.CreateUser("Explicit");
        await user.SendTextAsync("enabled on purpose", Ct);
        var echo = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("enabled on purpose", echo.Text);
    }

    [Fact]
    public void A_setting_that_is_not_a_boolean_is_refused_with_its_key()
    {
        using var factory = new WebApplicationFactory<EchoBotApp>().WithWebHostBuilder(builder => builder.UseSetting("Viber:Emulator:Enabled", "yes"));

        var failure = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("Viber:Emulator:Enabled must be true or false", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_emulator_mode_only_the_Viber_client_is_served_by_the_emulator()
    {
        var port = FreePort.Next();
        await using var factory = new WebApplicationFactory<EchoBotApp>()
            .WithWebHostBuilder(builder => builder.UseSetting("urls", $"http://127.0.0.1:{port}"));
        factory.UseKestrel(port);
        factory.StartServer();
        var clients = factory.Services.GetRequiredService<IHttpClientFactory>();

        // Another API the bot calls (a weather or CRM service; here the app's own health endpoint over the network).
        using var other = clients.CreateClient("weather");
        using var health = await other.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), Ct);
        var report = await health.Content.ReadAsStringAsync(Ct);

        // The Viber client's calls are answered by the emulator, which knows the emulated account.
        using var scope = factory.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<IViberBotClient>().GetAccountInfoAsync(Ct);

        // The app's health report (Degraded until set_webhook has finished), not the emulator's 404.
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(report, new[] { "Healthy", "Degraded" });
        Assert.Equal(factory.Services.GetRequiredService<ViberEmulator>().Account.Id, account.Id);
    }
}
