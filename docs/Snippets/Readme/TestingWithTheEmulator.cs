#region testing-with-the-emulator
using Microsoft.AspNetCore.Mvc.Testing;
using Viber.Api;
using Viber.Emulator;
using Viber.Testing;
using Xunit;

#endregion
namespace Snippets.Readme;

// README "Testing a bot with the emulator": the body of a test method.
internal static class TestingWithTheEmulator
{
    public static async Task Test()
    {
        #region testing-with-the-emulator
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions().UseTestRetrySchedule());
        await using var factory = new WebApplicationFactory<Program>().WithViberEmulator(emulator); // no sockets
        _ = factory.Server;                                   // starts the app; it registers its webhook with the emulator
        await emulator.WaitForWebhookAsync();

        var user = emulator.CreateUser("Olena");
        await user.SendTextAsync("hello");
        var reply = await user.WaitForMessageAsync();         // what the bot sent, checked by Viber's rules
        Assert.Equal("hello", reply.Text);
        Assert.All(emulator.ApiCalls, call => Assert.Equal(ViberStatus.Ok, call.Status));
        #endregion
    }

    // Stands for the bot's own Program (the app under test).
    sealed class Program;
}
