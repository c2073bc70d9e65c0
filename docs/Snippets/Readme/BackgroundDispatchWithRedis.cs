#region background-dispatch-with-redis
using Viber.AspNetCore;
using Viber.AspNetCore.Redis.Streams;

#endregion
using Viber.Api.Callbacks;
using Viber.AspNetCore.Redis;

namespace Snippets.Readme;

// README "Background dispatch with Redis".
internal static class BackgroundDispatchWithRedis
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region background-dispatch-with-redis
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))      // Viber:DispatchMode = Background
            .AddEventHandler<EchoHandler>()
            .AddRedisBackgroundDispatch();          // also adds AddRedisDeduplication() (Viber:Redis:Configuration)
        // or .AddRedisDeduplication("redis:6379").AddRedisBackgroundDispatch(o => o.Partitions = 16)
        #endregion
    }

    // The alternative the block's comment names compiles too.
    public static void Alternative(IViberBotBuilder viber)
        => viber.AddRedisDeduplication("redis:6379").AddRedisBackgroundDispatch(o => o.Partitions = 16);

    sealed class EchoHandler : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
