using Microsoft.AspNetCore.Mvc.Testing;
using Viber.Emulator;
using Viber.Testing;
using ViberBot1.Handlers;

namespace ViberBot1.Tests;

/// <summary>The bot in-process against the Viber emulator: a simulated user chats with it, no sockets, no Viber account.</summary>
public sealed class EchoTests
{
    [Fact]
    public async Task A_user_is_welcomed_and_hears_their_message_back()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions().UseTestRetrySchedule());
        await using var factory = new WebApplicationFactory<Program>().WithViberEmulator(emulator);
        _ = factory.Server; // starts the bot; it registers its webhook with the emulator
        await emulator.WaitForWebhookAsync(cancellationToken: cancellationToken);
        var user = emulator.CreateUser("Olena");

        await user.OpenConversationAsync(cancellationToken: cancellationToken);
        var welcome = await user.WaitForMessageAsync(cancellationToken: cancellationToken);
        await user.SendTextAsync("hello", cancellationToken);
        var reply = await user.WaitForMessageAsync(cancellationToken: cancellationToken);

        Assert.Equal(WelcomeHandler.WelcomeText, welcome.Text);
        Assert.Equal("hello", reply.Text);
    }
}
