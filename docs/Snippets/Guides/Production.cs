#region production-setup
using Viber.AspNetCore;
using Viber.AspNetCore.Redis;
using Viber.AspNetCore.Redis.Streams;

#endregion
using Viber.Api.Callbacks;

namespace Snippets.Guides;

// docs/production.md: one instance of a scaled-out bot.
internal static class Production
{
    public static void Run(string[] args)
    {
        #region production-setup
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))   // Viber:DispatchMode = Background
            .AddEventHandler<OrderHandler>()
            .AddRedisBackgroundDispatch()   // Redis Streams queue + deduplication (Viber:Redis:Configuration)
            .AddRedisScaleOut();            // broadcast budget, user-details cache, conversation state
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        app.UseForwardedHeaders();          // behind the proxy (see the README's "Behind a reverse proxy")
        app.MapViberWebhook();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.Run();
        #endregion
    }

    sealed class OrderHandler : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
