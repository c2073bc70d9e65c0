#region scaling-out-with-redis
using Viber.AspNetCore;
using Viber.AspNetCore.Redis;

#endregion
using StackExchange.Redis;
using Viber.Api.Callbacks;

namespace Snippets.Readme;

// README "Scaling out with Redis".
internal static class ScalingOutWithRedis
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region scaling-out-with-redis
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
            .AddEventHandler<EchoHandler>()
            .AddRedisDeduplication()                        // connects with Viber:Redis:Configuration
            .AddRedisBroadcastBudget();                     // all instances together: 500 broadcasts per 10 s
        // or .AddRedisDeduplication("redis:6379,password=...")
        // or .AddRedisDeduplication(o => { o.Configuration = "..."; o.ClaimTimeout = TimeSpan.FromMinutes(2); })
        // or, over the app's own connection (not disposed by the bot):
        //    .AddRedisDeduplication(sp => sp.GetRequiredService<IConnectionMultiplexer>())
        #endregion
    }

    // The alternatives the block's comments name compile too.
    public static void Alternatives(IViberBotBuilder viber)
    {
        viber.AddRedisDeduplication("redis:6379,password=...");
        viber.AddRedisDeduplication(o => { o.Configuration = "..."; o.ClaimTimeout = TimeSpan.FromMinutes(2); });
        viber.AddRedisDeduplication(sp => sp.GetRequiredService<IConnectionMultiplexer>());
    }

    sealed class EchoHandler : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
