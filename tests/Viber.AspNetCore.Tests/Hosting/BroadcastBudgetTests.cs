using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Viber.Api;
using Viber.Api.Messages;

namespace Viber.AspNetCore.Tests.Hosting;

/// <summary>Viber's 500 broadcast requests per 10 s is per bot: every client the app resolves shares one budget.</summary>
public sealed class BroadcastBudgetTests
{
    [Fact]
    public async Task Clients_from_different_scopes_share_one_broadcast_budget()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new CountingHandler();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSingleton<TimeProvider>(time);
        services.AddViberBot(o =>
        {
            o.AuthToken = "token";
            o.RegisterWebhook = false;
            o.Sender.Name = "Bot";
        }).ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => handler));
        services.Configure<ViberBotClientOptions>(o =>
        {
            o.BroadcastRequestsPerWindow = 2;
            o.BroadcastWindow = TimeSpan.FromSeconds(10);
        });
        await using var provider = services.BuildServiceProvider();
        var ct = TestContext.Current.CancellationToken;

        using (var first = provider.CreateScope())
        {
            await first.ServiceProvider.GetRequiredService<IViberBotClient>()
                .BroadcastMessageAsync(new TextMessage { Text = "one" }, Receivers(600), ct);
        }

        using var second = provider.CreateScope();
        var pending = second.ServiceProvider.GetRequiredService<IViberBotClient>()
            .BroadcastMessageAsync(new TextMessage { Text = "two" }, Receivers(1), ct);
        // The second client's request waits in the one shared limiter (the limiter raises no event when it queues).
        var limiter = provider.GetRequiredService<IViberBroadcastBudget>().Limiter;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (limiter.GetStatistics()!.CurrentQueuedCount == 0 && !pending.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Yield();
        }

        var beforeWindow = handler.Count;
        var completedBeforeWindow = pending.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal(2, beforeWindow);
        Assert.False(completedBeforeWindow);
        Assert.False(pending.IsFaulted);
        Assert.True(result.AllSucceeded);
        Assert.Equal(3, handler.Count);
    }

    private static IEnumerable<string> Receivers(int count) => Enumerable.Range(0, count).Select(i => "user-" + i);

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"status":0,"status_message":"ok","message_token":1}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
