using System.Net;
using Viber.Emulator;
using Viber.Emulator.Callbacks;
using Viber.Proxy.Tests.Support;

namespace Viber.Proxy.Tests;

/// <summary>
/// The client's address and the https scheme, which only nginx sees, reach the bot's logs through X-Forwarded-For and
/// X-Forwarded-Proto. Viber calls from 127.0.0.2 so its address differs from nginx's (127.0.0.1).
/// </summary>
public sealed class NginxForwardedHeadersTests(NginxFixture nginx) : IClassFixture<NginxFixture>
{
    [Fact]
    public async Task The_forwarded_scheme_and_client_address_reach_the_logs()
    {
        nginx.Require();
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions { CallbackMaxRetries = 0 });
        emulator.UseCallbackHandler(() => ClientHandlers.Create(nginx.Certificate.Certificate, ClientHandlers.ViberAddress));
        await using var bot = await ProxiedBot.StartAsync(emulator, nginx.AppPort, nginx.WebhookUrl(NginxFixture.ReadmePrefix));

        var result = await emulator.CreateUser("Ann").SendTextAsync("where from?", TestContext.Current.CancellationToken);
        using var http = new HttpClient(ClientHandlers.Create(nginx.Certificate.Certificate, ClientHandlers.ViberAddress));
        using var forged = await bot.PostSignedAsync(http, global::Viber.Tests.Shared.Callbacks.Json(global::Viber.Tests.Shared.Callbacks.Text("forged")), signature: new string('0', 64));

        Assert.Equal(CallbackOutcome.Delivered, result.Outcome);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.All(bot.Arrived, arrived => Assert.Equal(("https", "127.0.0.2"), (arrived.Scheme, arrived.RemoteIpAddress)));

        // ASP.NET Core's request log (HttpLogging) shows the scheme; the bot's own rejection log names the client.
        var logs = bot.Logs.GetSnapshot();
        var requestLogs = logs.Where(record => record.Category == "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware" && record.Message.Contains("/viber/webhook", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(requestLogs);
        Assert.All(requestLogs, record => Assert.Contains("Scheme: https", record.Message, StringComparison.Ordinal));
        var rejected = Assert.Single(logs, record => record.Id.Name == "SignatureRejected");
        Assert.Contains("from 127.0.0.2:", rejected.Message, StringComparison.Ordinal);
    }
}
