using System.Net;
using Viber.Emulator;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Events;
using Viber.Proxy.Tests.Support;

namespace Viber.Proxy.Tests;

/// <summary>
/// Where a limit bites behind nginx, and what Viber sees: a body over the README's <c>client_max_body_size</c> is
/// refused by nginx, one over <c>Viber:MaxRequestBodySize</c> but under nginx's limit by the bot; a handler slower than
/// <c>proxy_read_timeout</c> gets Viber a 504, and Viber's retry is answered as a duplicate (the handler runs once).
/// </summary>
public sealed class NginxLimitsTests(NginxFixture nginx) : IClassFixture<NginxFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_body_over_client_max_body_size_is_refused_413_by_nginx_and_never_reaches_the_bot()
    {
        nginx.Require();
        await using var emulator = CreateEmulator();
        await using var bot = await ProxiedBot.StartAsync(emulator, nginx.AppPort, nginx.WebhookUrl(NginxFixture.ReadmePrefix));
        var arrivedBefore = bot.Arrived.Count;
        using var http = new HttpClient(ClientHandlers.Create(nginx.Certificate.Certificate));

        // 1.5 MiB: over the README's 1m (and the bot's default 1 MiB, which it never gets to apply).
        using var response = await bot.PostSignedAsync(http, LargeCallback(1536 * 1024));
        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("nginx", answer, StringComparison.Ordinal);
        Assert.Equal(arrivedBefore, bot.Arrived.Count);
        Assert.Equal(0, bot.Handled);
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), record => record.Id.Name == "BodyTooLarge");
    }

    [Fact]
    public async Task A_body_under_nginx_limit_but_over_MaxRequestBodySize_is_refused_413_by_the_bot()
    {
        nginx.Require();
        await using var emulator = CreateEmulator();
        await using var bot = await ProxiedBot.StartAsync(
            emulator,
            nginx.AppPort,
            nginx.WebhookUrl(NginxFixture.ReadmePrefix),
            options: o => o.MaxRequestBodySize = 64 * 1024);
        using var http = new HttpClient(ClientHandlers.Create(nginx.Certificate.Certificate));

        using var response = await bot.PostSignedAsync(http, LargeCallback(128 * 1024));
        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain("nginx", answer, StringComparison.Ordinal);
        Assert.Equal("/viber/webhook", bot.Arrived[^1].Path);
        Assert.Equal(0, bot.Handled);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "BodyTooLarge");
    }

    [Fact]
    public async Task A_handler_slower_than_proxy_read_timeout_gets_Viber_a_504_and_the_retry_is_deduplicated()
    {
        nginx.Require();

        // Retries 0.5, 1, 2, 4 and 8 s apart: room for the handler to finish after the 504 before they run out.
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions { CallbackMaxRetries = 5, CallbackRetryDelay = TimeSpan.FromMilliseconds(500) });
        emulator.TrustCallbackCertificate(nginx.Certificate.Certificate);

        // The handler outlives nginx's 1 s read timeout: it finishes only once Viber has been answered 504.
        await using var bot = await ProxiedBot.StartAsync(
            emulator,
            nginx.AppPort,
            nginx.WebhookUrl(NginxFixture.ShortReadTimeoutPrefix),
            handle: (_, cancellationToken) => emulator.WaitForEventAsync<CallbackAttemptEvent>(e => e.HttpStatus == 504, Timeout, cancellationToken));

        var result = await emulator.CreateUser("Ann").SendTextAsync("slow", TestContext.Current.CancellationToken);

        Assert.Equal(CallbackOutcome.Delivered, result.Outcome);
        var attempts = emulator.CallbackAttempts.Where(a => a.MessageToken == result.MessageToken).ToList();
        Assert.Equal(504, attempts[0].HttpStatus);
        Assert.Equal(200, attempts[^1].HttpStatus);
        Assert.Equal(1, bot.Handled);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "DuplicateCallback");
    }

    private ViberEmulator CreateEmulator()
    {
        var emulator = new ViberEmulator(new ViberEmulatorOptions { CallbackMaxRetries = 0 });
        emulator.TrustCallbackCertificate(nginx.Certificate.Certificate);
        return emulator;
    }

    /// <summary>A valid message callback padded to about <paramref name="size"/> bytes.</summary>
    private static byte[] LargeCallback(int size) => global::Viber.Tests.Shared.Callbacks.Json(global::Viber.Tests.Shared.Callbacks.Text(new string('x', size)));
}
