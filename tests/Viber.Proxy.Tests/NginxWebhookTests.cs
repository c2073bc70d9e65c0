using System.Net;
using Viber.Emulator;
using Viber.Emulator.Callbacks;
using Viber.Proxy.Tests.Support;

namespace Viber.Proxy.Tests;

/// <summary>
/// Viber (the emulator) calling the bot through a real nginx that terminates TLS: the README's location block, the
/// path prefix it strips and forwards, and what happens to the signature when a proxy drops the header.
/// </summary>
public sealed class NginxWebhookTests(NginxFixture nginx) : IClassFixture<NginxFixture>
{
    [Fact]
    public async Task The_README_location_strips_the_prefix_and_sends_it_as_X_Forwarded_Prefix_and_callbacks_are_handled()
    {
        nginx.Require();
        await using var emulator = CreateEmulator();
        await using var bot = await ProxiedBot.StartAsync(emulator, nginx.AppPort, nginx.WebhookUrl(NginxFixture.ReadmePrefix));

        var result = await emulator.CreateUser("Ann").SendTextAsync("through nginx", TestContext.Current.CancellationToken);

        Assert.Equal(CallbackOutcome.Delivered, result.Outcome);
        Assert.Equal(1, bot.Handled);
        var arrived = bot.Arrived[^1];
        Assert.Equal(("/bot", "/viber/webhook", "https"), (arrived.PathBase, arrived.Path, arrived.Scheme));
        Assert.True(arrived.HasSignatureHeader);
    }

    [Fact]
    public async Task UsePathBase_serves_a_proxy_that_passes_the_prefix_on()
    {
        nginx.Require();
        await using var emulator = CreateEmulator();
        await using var bot = await ProxiedBot.StartAsync(emulator, nginx.AppPort, nginx.WebhookUrl(NginxFixture.KeptPrefix), pathBase: NginxFixture.KeptPrefix);

        var result = await emulator.CreateUser("Ann").SendTextAsync("prefix kept", TestContext.Current.CancellationToken);

        Assert.Equal(CallbackOutcome.Delivered, result.Outcome);
        Assert.Equal(1, bot.Handled);
        var arrived = bot.Arrived[^1];
        Assert.Equal((NginxFixture.KeptPrefix, "/viber/webhook"), (arrived.PathBase, arrived.Path));
    }

    [Fact]
    public async Task A_proxy_that_drops_the_signature_header_leaves_the_sig_query_parameter_which_is_verified()
    {
        nginx.Require();
        await using var emulator = CreateEmulator();
        await using var bot = await ProxiedBot.StartAsync(emulator, nginx.AppPort, nginx.WebhookUrl(NginxFixture.NoSignatureHeaderPrefix));

        var result = await emulator.CreateUser("Ann").SendTextAsync("no header", TestContext.Current.CancellationToken);

        Assert.Equal(CallbackOutcome.Delivered, result.Outcome);
        Assert.Equal(1, bot.Handled);
        var arrived = bot.Arrived[^1];
        Assert.False(arrived.HasSignatureHeader);
        Assert.True(arrived.HasSigQuery);
    }

    [Fact]
    public async Task A_proxy_that_drops_both_the_header_and_the_query_gets_401_and_nothing_is_handled()
    {
        nginx.Require();
        await using var emulator = CreateEmulator();

        // Registered at the README location; the signed callback is then sent through the stripping one, whose prefix
        // differs: the local path (Viber:WebhookPath) serves both.
        await using var bot = await ProxiedBot.StartAsync(
            emulator,
            nginx.AppPort,
            nginx.WebhookUrl(NginxFixture.ReadmePrefix),
            options: o => o.WebhookPath = "/viber/webhook");
        using var http = new HttpClient(ClientHandlers.Create(nginx.Certificate.Certificate));
        var body = global::Viber.Tests.Shared.Callbacks.Json(global::Viber.Tests.Shared.Callbacks.Text("unsigned on arrival"));
        var signature = Viber.Api.Signatures.ViberSignature.Compute(body, emulator.AuthToken);

        using var response = await http.PostAsync(
            new Uri(nginx.WebhookUrl(NginxFixture.NoSignaturePrefix) + "?sig=" + signature),
            Json(body),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, bot.Handled);
        var arrived = bot.Arrived[^1];
        Assert.False(arrived.HasSignatureHeader || arrived.HasSigQuery);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "SignatureRejected" && record.Message.Contains("signature_missing", StringComparison.Ordinal));
    }

    private ViberEmulator CreateEmulator()
    {
        var emulator = new ViberEmulator(new ViberEmulatorOptions { CallbackMaxRetries = 0 });
        emulator.TrustCallbackCertificate(nginx.Certificate.Certificate);
        return emulator;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
