#region quick-start
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

#endregion
namespace Snippets.Readme;

// README "Quick start: an ASP.NET Core bot": a whole Program.cs (top-level statements here in a method).
internal static class QuickStart
{
    public static void Program(string[] args)
    {
        #region quick-start
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))   // or AddViberBot(o => o.AuthToken = ...)
            .AddEventHandler<EchoHandler>();
        var app = builder.Build();
        app.MapViberWebhook();              // POST Viber:WebhookPath; or app.UseViberWebhook() without endpoint routing
        app.MapHealthChecks("/health");     // includes the "viber" check
        app.Run();

        #endregion
    }

    #region quick-start
    sealed class EchoHandler(IViberBotClient viber) : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken)
            => viber.SendMessageAsync(new TextMessage { Receiver = callback.Sender!.Id, Text = "You said: " + (callback.Message as TextMessage)?.Text }, cancellationToken);
    }
    #endregion
}
