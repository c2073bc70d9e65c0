using System.Net;
using System.Text;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.AspNetCore.Hosting;

namespace Viber.AspNetCore.Tests.Hosting;

/// <summary>
/// A Bot API that hangs cannot hold more than Viber:MaxConcurrentApiCalls outbound requests: as many more wait for a
/// slot, and the next one fails at once with an error that names the option.
/// </summary>
public sealed class ApiCallLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_cap_and_its_queue_a_call_fails_at_once_naming_the_option_and_the_others_complete()
    {
        var api = new HangingApi();
        await using var provider = BotWithACapOfTwo(api);
        var limiter = provider.GetRequiredService<ViberApiCallLimiter>().Limiter;

        // Two calls reach the (hanging) API, two wait for a slot: one client per call, as one per callback scope.
        var calls = new List<Task<SendMessageResponse>>();
        for (var i = 0; i < 4; i++)
        {
            using var scope = provider.CreateScope();
            calls.Add(scope.ServiceProvider.GetRequiredService<IViberBotClient>().SendMessageAsync(new TextMessage { Receiver = "u" + i, Text = "hi" }, Ct));
        }

        await api.InFlight(2).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentQueuedCount);

        using (var scope = provider.CreateScope())
        {
            var refused = await Assert.ThrowsAsync<ViberApiCallLimitException>(() =>
                scope.ServiceProvider.GetRequiredService<IViberBotClient>().SendMessageAsync(new TextMessage { Receiver = "u9", Text = "hi" }, Ct));
            Assert.Contains("Viber:MaxConcurrentApiCalls (2)", refused.Message, StringComparison.Ordinal);
        }

        api.Release();
        var answers = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.All(answers, a => Assert.Equal(ViberStatus.Ok, a.Status));
        Assert.Equal(4, api.Received);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Theory]
    [InlineData("""{"status":6,"status_message":"notSubscribed"}""", typeof(ViberApiException))]
    [InlineData("not json", typeof(System.Text.Json.JsonException))]
    [InlineData(null, typeof(InvalidOperationException))]
    public async Task A_call_that_fails_gives_its_slot_back(string? answer, Type failure)
    {
        await using var provider = BotWithACapOfTwo(new FailingApi(answer));
        var limiter = provider.GetRequiredService<ViberApiCallLimiter>().Limiter;
        var client = provider.GetRequiredService<IViberBotClient>();

        // Three times the cap, one after the other: a slot kept by a failed call would refuse the fifth.
        for (var i = 0; i < 6; i++)
        {
            // Exactly the API's failure: not the cap's refusal, nor a call left waiting for a slot.
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => client.SendMessageAsync(new TextMessage { Receiver = "u", Text = "hi" }, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));
            Assert.IsType(failure, thrown);
        }

        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    /// <summary>The bot's services with Viber:MaxConcurrentApiCalls at 2, its client talking to <paramref name="api"/>.</summary>
    private static ServiceProvider BotWithACapOfTwo(HttpMessageHandler api)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddViberBot(o =>
        {
            o.AuthToken = "token";
            o.RegisterWebhook = false;
            o.Sender.Name = "Bot";
            o.MaxConcurrentApiCalls = 2;
        }).ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => api));
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A Bot API that answers every request with the given body, or, with none, fails it as a refused connection would
    /// (before any response), the way a client does not retry: an <see cref="InvalidOperationException"/>.
    /// </summary>
    private sealed class FailingApi(string? answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => answer is null
                ? Task.FromException<HttpResponseMessage>(new InvalidOperationException("the transport failed"))
                : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") });
    }

    [Fact]
    public void The_cap_must_be_positive()
    {
        var services = new ServiceCollection();
        services.AddViberBot(o =>
        {
            o.AuthToken = "token";
            o.RegisterWebhook = false;
            o.Sender.Name = "Bot";
            o.MaxConcurrentApiCalls = 0;
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ViberBotOptions>>().Value);

        Assert.Contains("Viber:MaxConcurrentApiCalls", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A Bot API that holds every request until released, and counts those in flight.</summary>
    private sealed class HangingApi : HttpMessageHandler
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _watchers = [];
        private int _received;

        public int Received => Volatile.Read(ref _received);

        public Task InFlight(int count)
        {
            lock (_gate)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_received >= count)
                {
                    reached.SetResult();
                }
                else
                {
                    _watchers.Add((count, reached));
                }

                return reached.Task;
            }
        }

        public void Release() => _release.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _received++;
                foreach (var watcher in _watchers.Where(w => w.Count <= _received))
                {
                    watcher.Reached.TrySetResult();
                }
            }

            await _release.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"status":0,"status_message":"ok","message_token":1}""", Encoding.UTF8, "application/json"),
            };
        }
    }
}
