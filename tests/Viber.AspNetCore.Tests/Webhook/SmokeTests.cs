using System.Net;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

public sealed class SmokeTests
{
    [Fact]
    public async Task Signed_message_is_answered_200_and_handled()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.On<MessageCallback, CallbackLog>((c, log, _) =>
        {
            log.Add("message", c);
            return Task.CompletedTask;
        }));

        using var response = await bot.PostAsync(Callbacks.Text("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }
}
