#region ping-pong-test
using Microsoft.AspNetCore.Mvc.Testing;
using Viber.Emulator;
using Viber.Testing;

#endregion
namespace PingPongBot.Tests;

// docs/testing-with-the-emulator.md: the whole test file a reader writes for the ping-pong bot (Program is the bot's,
// ../PingPongBot/Program.cs). tests/Viber.Docs.Tests compiles this file and runs it, so the test the docs show is the
// one that passes.
#region ping-pong-test
public sealed class PingPongTests
{
    [Fact]
    public async Task Ping_answers_pong_and_a_tap_orders_a_coffee()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions().UseTestRetrySchedule());
        await using var bot = new WebApplicationFactory<Program>().WithViberEmulator(emulator);
        _ = bot.Server;                                           // starts the bot; it registers its webhook
        await emulator.WaitForWebhookAsync(cancellationToken: ct);
        var user = emulator.CreateUser("Olena");
        await user.SendTextAsync("hi", ct);
        Assert.Equal("Hi Olena! Tap a button.", (await user.WaitForMessageAsync(cancellationToken: ct)).Text);
        await user.TapKeyboardButtonAsync("Ping", ct);            // sends the button's ActionBody, "ping"
        Assert.Equal("pong", (await user.WaitForMessageAsync(cancellationToken: ct)).Text);
        await user.TapKeyboardButtonAsync("Buy a coffee", ct);    // sends "buy:coffee"
        Assert.Equal("One coffee coming up!", (await user.WaitForMessageAsync(cancellationToken: ct)).Text);
    }
}
#endregion
