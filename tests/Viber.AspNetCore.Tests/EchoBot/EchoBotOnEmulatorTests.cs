using EchoBot;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Emulator;
using Viber.Emulator.Conversations;
using Viber.Emulator.Hosting;
using Viber.Emulator.Users;
using Viber.Testing;

namespace Viber.AspNetCore.Tests.EchoBot;

/// <summary>
/// The EchoBot sample end to end against the Viber emulator: simulated users send signed callbacks, the sample answers
/// through the real <see cref="ViberBotClient"/>, and the emulator checks each API call as Viber does.
/// </summary>
public sealed class EchoBotOnEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_process_a_user_is_welcomed_thanked_and_echoed()
    {
        await using var emulator = new ViberEmulator();
        await using var factory = new WebApplicationFactory<EchoBotApp>().WithViberEmulator(emulator);
        _ = factory.Server;
        await emulator.WaitForWebhookAsync(cancellationToken: Ct);
        var user = emulator.CreateUser("Olena");

        await user.OpenConversationAsync("from-a-deep-link", Ct);
        var welcome = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SubscribeAsync(Ct);
        var thanks = await user.WaitForMessageAsync(cancellationToken: Ct);
        var text = string.Concat(Enumerable.Repeat("Привіт, світе! ", 466)) + "ok👋🏽";
        await user.SendTextAsync(text, Ct);
        var echo = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendStickerAsync(40129, Ct);
        var named = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal(ChatMessageOrigin.WelcomeResponse, welcome.Origin);
        Assert.False(string.IsNullOrEmpty(welcome.Text));
        Assert.Equal("Echo Bot", welcome.Sender?.Name);
        Assert.False(string.IsNullOrEmpty(thanks.Text));
        Assert.Equal(text, echo.Text);
        Assert.Contains("sticker", named.Text, StringComparison.Ordinal);
        Assert.All(emulator.ApiCalls.Where(c => c.Method == ViberApiMethods.SendMessage), c => Assert.Equal(ViberStatus.Ok, c.Status));
    }

    [Fact]
    public async Task Every_device_of_a_user_reports_delivery_once_and_each_report_is_dispatched()
    {
        await using var emulator = new ViberEmulator();
        var delivered = new System.Collections.Concurrent.ConcurrentQueue<DeliveredCallback>();
        await using var factory = new WebApplicationFactory<EchoBotApp>().WithViberEmulator(emulator).WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddViberBot().On<DeliveredCallback>((callback, _, _) =>
            {
                delivered.Enqueue(callback);
                return Task.CompletedTask;
            })));
        _ = factory.Server;
        await emulator.WaitForWebhookAsync(cancellationToken: Ct);
        var user = emulator.CreateUser(new EmulatedUserProfile { Name = "Three phones", Devices = 3 });

        await user.SendTextAsync("ping", Ct);
        var echo = await user.WaitForMessageAsync(cancellationToken: Ct);
        await emulator.WhenIdleAsync(Ct);

        Assert.Equal(3, delivered.Count(c => c.MessageToken == echo.MessageToken));
        Assert.All(emulator.CallbackAttempts.Where(a => a.EventType == "delivered"), a => Assert.Equal(200, a.HttpStatus));
    }

    [Fact]
    public async Task Over_real_Kestrel_the_sample_registers_its_webhook_and_echoes()
    {
        await using var server = await ViberEmulatorServer.StartAsync(cancellationToken: Ct);
        var port = FreePort.Next();
        await using var factory = new WebApplicationFactory<EchoBotApp>()
            .WithWebHostBuilder(builder =>
            {
                builder.UseSetting("urls", $"http://127.0.0.1:{port}");
                builder.UseSetting("Viber:AuthToken", server.Emulator.AuthToken);
                builder.UseSetting("Viber:ApiBaseUrl", server.ApiBaseUrl.ToString());
                builder.UseSetting("Viber:WebhookUrl", $"http://127.0.0.1:{port}/viber/webhook");
            });
        factory.UseKestrel(port);
        factory.StartServer();

        var webhook = await server.Emulator.WaitForWebhookAsync(cancellationToken: Ct);
        var user = server.Emulator.CreateUser("Taras");
        await user.SendTextAsync("over the wire", Ct);
        var echo = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal(port, webhook.Port);
        Assert.Equal("over the wire", echo.Text);
        Assert.Contains(server.Emulator.CallbackAttempts, a => a.HttpStatus == 200);
    }

    [Fact]
    public async Task With_no_token_the_sample_runs_on_its_own_emulator()
    {
        var port = FreePort.Next();
        await using var factory = new WebApplicationFactory<EchoBotApp>()
            .WithWebHostBuilder(builder => builder.UseSetting("urls", $"http://127.0.0.1:{port}"));
        factory.UseKestrel(port);
        factory.StartServer();
        var emulator = factory.Services.GetRequiredService<ViberEmulator>();

        await emulator.WaitForWebhookAsync(cancellationToken: Ct);
        var user = emulator.CreateUser("Iryna");
        await user.SendTextAsync("no account needed", Ct);
        var echo = await user.WaitForMessageAsync(cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var page = await http.GetAsync("/viber-emulator/pa/get_account_info", Ct);

        Assert.Equal("no account needed", echo.Text);
        Assert.NotEqual(System.Net.HttpStatusCode.NotFound, page.StatusCode);
    }
}
