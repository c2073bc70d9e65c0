#region welcome-messages
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

#endregion

namespace Snippets.Readme;

// README "Welcome messages".
internal static class WelcomeMessages
{
    #region welcome-messages
    // 1. In the webhook's response (what Viber documents): return it from an IViberConversationStartedHandler.
    sealed class Welcome : IViberConversationStartedHandler
    {
        public Task<ViberMessage?> HandleAsync(ConversationStartedCallback callback, CancellationToken cancellationToken)
            => Task.FromResult<ViberMessage?>(new TextMessage { Text = $"Hi {callback.User?.Name}!" });
    }
    // builder.Services.AddViberBot(...).AddEventHandler<Welcome>();   or .OnConversationStarted((c, sp, ct) => ...)

    #endregion
    public static void Register(IServiceCollection services) => services.AddViberBot()
        .AddEventHandler<Welcome>()
        #region welcome-messages
        // 2. With send_message within 5 minutes, from an ordinary handler.
        .On<ConversationStartedCallback, IViberBotClient>((c, viber, ct) =>
            viber.SendMessageAsync(new TextMessage { Receiver = c.User!.Id, Text = "Hi!" }, ct))
        #endregion
        ;
}
