using Viber.Emulator;
using Viber.Emulator.Callbacks;
using Viber.Proxy.Tests.Support;

namespace Viber.Proxy.Tests;

/// <summary>Viber (the emulator) calling the bot through a real Caddy serving the README's Caddyfile.</summary>
public sealed class CaddyWebhookTests(CaddyFixture caddy) : IClassFixture<CaddyFixture>
{
    [Fact]
    public async Task The_README_Caddyfile_strips_the_prefix_forwards_it_and_the_scheme_and_callbacks_are_handled()
    {
        caddy.Require();
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions { CallbackMaxRetries = 0 });
        emulator.TrustCallbackCertificate(caddy.Certificate.Certificate);
        await using var bot = await ProxiedBot.StartAsync(emulator, caddy.AppPort, caddy.WebhookUrl);

        var result = await emulator.CreateUser("Ann").SendTextAsync("through Caddy", TestContext.Current.CancellationToken);

        Assert.Equal(CallbackOutcome.Delivered, result.Outcome);
        Assert.Equal(1, bot.Handled);
        var arrived = bot.Arrived[^1];
        Assert.Equal(("/bot", "/viber/webhook", "https"), (arrived.PathBase, arrived.Path, arrived.Scheme));
        Assert.True(arrived.HasSignatureHeader && arrived.HasSigQuery);
    }
}
