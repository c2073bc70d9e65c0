#region handlers
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

#endregion
namespace Snippets.Readme;

// README "Handlers".
internal static class Handlers
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region handlers
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
            .AddEventHandler<AuditHandler>()                       // IViberEventHandler<ViberCallback>: sees every callback
            .AddEventHandler<EchoHandler>()                        // scoped by default: inject a DbContext freely
            .On<SubscribedCallback, IViberBotClient>((callback, viber, ct) =>
                viber.SendMessageAsync(new TextMessage { Receiver = callback.User!.Id, Text = "Thanks!" }, ct))
            .OnMessage(async (callback, services, ct) =>           // any service from the callback's scope
                await services.GetRequiredService<IInbox>().StoreAsync(callback, ct));
        #endregion
    }

    // What the block assumes the reader has.
    internal interface IInbox
    {
        Task StoreAsync(MessageCallback callback, CancellationToken cancellationToken);
    }

    sealed class AuditHandler : IViberEventHandler<ViberCallback>
    {
        public Task HandleAsync(ViberCallback callback, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    sealed class EchoHandler : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
