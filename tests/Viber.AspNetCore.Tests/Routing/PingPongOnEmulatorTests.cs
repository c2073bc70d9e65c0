using Viber.Api;
using Viber.Api.Keyboards;
using Viber.AspNetCore.Tests.Support;
using Viber.Emulator;
using Viber.Emulator.Hosting;

namespace Viber.AspNetCore.Tests.Routing;

/// <summary>
/// The ping-pong bot of README's "Routes and the reply context", run against the emulator over real sockets: the
/// real client, Viber's checks on every send, keyboard taps sent back as their ActionBody, and no Viber:Sender:Name
/// (the replies go out under the account's name from get_account_info).
/// </summary>
public sealed class PingPongOnEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_readme_bot_greets_answers_ping_and_handles_both_taps()
    {
        await using var server = await ViberEmulatorServer.StartAsync(cancellationToken: Ct);
        var port = FreePort.Next();
        await using var bot = await TestBot.StartAsync(
            options: o =>
            {
                o.AuthToken = server.Emulator.AuthToken;
                o.ApiBaseUrl = server.ApiBaseUrl.ToString();
                o.RegisterWebhook = true;
                o.WebhookUrl = $"http://127.0.0.1:{port}/viber/webhook";
            },
            bot: AddReadmeRoutes,
            port: port,
            fakeClient: false);
        await server.Emulator.WaitForWebhookAsync(cancellationToken: Ct);
        var user = server.Emulator.CreateUser("Olena");

        await user.SendTextAsync("hello", Ct);
        var greeting = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync("Ping", Ct);
        var pong = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync("Buy a coffee", Ct);
        var coffee = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendTextAsync("PING", Ct);
        var typed = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("Hi Olena! Tap a button.", greeting.Text);
        Assert.Equal(2, greeting.Message.Keyboard?.Buttons?.Count);
        Assert.Equal("pong", pong.Text);
        Assert.Equal("One coffee coming up!", coffee.Text);
        Assert.Equal("pong", typed.Text);
        Assert.All([greeting, pong, coffee, typed], m => Assert.Equal(new ViberEmulatorOptions().BotName, m.Sender?.Name));
        Assert.All(server.Emulator.ApiCalls.Where(c => c.Method == ViberApiMethods.SendMessage), c => Assert.Equal(ViberStatus.Ok, c.Status));
    }

    // README, "Routes and the reply context": the same lines (builder.Services.AddViberBot(...) is TestBot's).
    private static void AddReadmeRoutes(IViberBotBuilder bot)
    {
        var menu = new KeyboardBuilder()
            .AddButton("Ping", "ping", columns: 3)
            .AddButton("Buy a coffee", "buy:coffee", columns: 3)
            .Build();
        bot.OnTextIgnoreCase("ping", context => context.ReplyAsync("pong", menu))
            .OnAction("buy:{item}", context => context.ReplyAsync($"One {context["item"]} coming up!", menu))
            .Otherwise(context => context.ReplyAsync($"Hi {context.User?.Name}! Tap a button.", menu));
    }
}
