#region api-client
using Viber.Api;
using Viber.Api.Messages;

#endregion
namespace Snippets.Readme;

// README "Quick start: the API client on its own": a whole console Program.cs.
internal static class ApiClient
{
    public static async Task Program(string userId)
    {
        #region api-client
        var client = new ViberBotClient(new HttpClient(), new ViberBotClientOptions
        {
            AuthToken = Environment.GetEnvironmentVariable("VIBER_TOKEN")!,
            DefaultSender = new ViberSender("My bot"),
        });
        await client.SendMessageAsync(new TextMessage { Receiver = userId, Text = "Hello!" });
        #endregion
    }
}
