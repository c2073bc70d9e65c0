using Viber.Emulator;
using Viber.Emulator.Callbacks;
using Viber.Proxy.Tests.Support;

namespace Viber.Proxy.Tests;

/// <summary>The EchoBot sample behind the README's nginx location, as the README's proxy section runs it.</summary>
public sealed class NginxEchoBotTests(NginxFixture nginx) : IClassFixture<NginxFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_sample_registers_the_proxy_URL_and_answers_through_it()
    {
        nginx.Require();
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions { CallbackMaxRetries = 0 });
        emulator.TrustCallbackCertificate(nginx.Certificate.Certificate);
        var webhookUrl = nginx.WebhookUrl(NginxFixture.ReadmePrefix);
        await using var factory = new ProxiedEchoBotFactory(emulator, webhookUrl);
        factory.UseKestrel(nginx.AppPort);
        factory.StartServer();

        Assert.Equal(webhookUrl, await emulator.WaitForWebhookAsync(Timeout, TestContext.Current.CancellationToken));
        var user = emulator.CreateUser("Ann");
        var result = await user.SendTextAsync("echo me through nginx", TestContext.Current.CancellationToken);
        var reply = await user.WaitForMessageAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(CallbackOutcome.Delivered, result.Outcome);
        Assert.Equal("echo me through nginx", reply.Text);
    }
}
