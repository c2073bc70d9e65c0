using Microsoft.Extensions.Time.Testing;
using Viber.Api;
using Viber.Api.Requests;
using Viber.AspNetCore.Users;
using Viber.Emulator;
using Viber.Emulator.Users;

namespace Viber.AspNetCore.Tests.Users;

/// <summary>
/// The user-details cache against the emulator, which enforces Viber's rule (2 get_user_details calls per user per
/// 12 hours, answered tooManyRequests beyond) on the same fake clock as the bot.
/// </summary>
public sealed class UserDetailsCacheOnEmulatorTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ViberEmulator _emulator;
    private ServiceProvider? _provider;

    public UserDetailsCacheOnEmulatorTests()
    {
        _emulator = new ViberEmulator(new ViberEmulatorOptions { AuthToken = "emulator-token" }, _time);
        _emulator.UseCallbackHandler(() => new OkWebhook());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int DetailsCalls => _emulator.ApiCalls.Count(call => call.Method == ViberApiMethods.GetUserDetails);

    [Fact]
    public async Task A_recent_answer_comes_from_the_cache_and_an_old_one_is_fetched_again()
    {
        var cache = await StartAsync();
        var user = await SubscribedUserAsync("Olena");

        var first = await cache.GetAsync(user.Id, Ct);
        _time.Advance(TimeSpan.FromHours(11));
        var cached = await cache.GetAsync(user.Id, Ct);
        var callsWithinRefresh = DetailsCalls;
        _time.Advance(TimeSpan.FromHours(1));
        var refreshed = await cache.GetAsync(user.Id, Ct);

        Assert.Equal("Olena", first.Name);
        Assert.Equal("Olena", cached.Name);
        Assert.Equal(1, callsWithinRefresh);
        Assert.Equal("Olena", refreshed.Name);
        Assert.Equal(2, DetailsCalls);
    }

    [Fact]
    public async Task When_the_quota_is_spent_the_cached_answer_is_returned_and_Viber_never_says_tooManyRequests()
    {
        var cache = await StartAsync();
        var user = await SubscribedUserAsync("Olena");

        await cache.RefreshAsync(user.Id, Ct);
        await cache.RefreshAsync(user.Id, Ct);
        var third = await cache.RefreshAsync(user.Id, Ct);
        _time.Advance(TimeSpan.FromHours(12));
        await cache.RefreshAsync(user.Id, Ct);

        Assert.Equal("Olena", third.Name);
        Assert.Equal(3, DetailsCalls);
        Assert.All(_emulator.ApiCalls, call => Assert.Equal(ViberStatus.Ok, call.Status));
    }

    [Fact]
    public async Task With_the_quota_spent_and_nothing_kept_the_error_names_the_rule_and_when_it_frees()
    {
        var cache = await StartAsync(o =>
        {
            o.RefreshAfter = TimeSpan.FromHours(1);
            o.KeepFor = TimeSpan.FromHours(1);
        });
        var user = await SubscribedUserAsync("Olena");
        var firstCallAt = _time.GetUtcNow();

        await cache.GetAsync(user.Id, Ct);
        _time.Advance(TimeSpan.FromHours(1));
        await cache.GetAsync(user.Id, Ct);
        _time.Advance(TimeSpan.FromHours(1));
        var exception = await Assert.ThrowsAsync<ViberUserDetailsQuotaExceededException>(() => cache.GetAsync(user.Id, Ct).AsTask());
        var callsWhenRefused = DetailsCalls;
        _time.Advance(TimeSpan.FromHours(10));
        var afterWindow = await cache.GetAsync(user.Id, Ct);

        Assert.Equal(firstCallAt + TimeSpan.FromHours(12), exception.NextCallAt);
        Assert.Contains("2 times per user per 12 hours", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 21:00:00 UTC", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id, exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, callsWhenRefused);
        Assert.Equal("Olena", afterWindow.Name);
        Assert.All(_emulator.ApiCalls, call => Assert.Equal(ViberStatus.Ok, call.Status));
    }

    [Fact]
    public async Task Concurrent_requests_for_one_user_spend_one_call_and_each_user_has_a_quota()
    {
        var cache = await StartAsync();
        var olena = await SubscribedUserAsync("Olena");
        var taras = await SubscribedUserAsync("Taras");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetAsync(olena.Id, Ct).AsTask()));
        var other = await cache.GetAsync(taras.Id, Ct);

        Assert.All(answers, details => Assert.Equal("Olena", details.Name));
        Assert.Equal("Taras", other.Name);
        Assert.Equal(2, DetailsCalls);
    }

    [Fact]
    public async Task Cached_answers_are_copies_and_nothing_is_cached_before_a_call()
    {
        var cache = await StartAsync();
        var user = await SubscribedUserAsync("Olena");

        Assert.Null(await cache.GetCachedAsync(user.Id, Ct));
        var first = await cache.GetAsync(user.Id, Ct);
        first.Name = "changed by a caller";

        Assert.Equal("Olena", (await cache.GetCachedAsync(user.Id, Ct))?.Name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        await _emulator.DisposeAsync();
    }

    private async Task<IViberUserDetailsCache> StartAsync(Action<ViberUserDetailsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSingleton<TimeProvider>(_time);
        services.AddViberBot(o =>
        {
            o.AuthToken = _emulator.AuthToken;
            o.RegisterWebhook = false;
            o.Sender.Name = "Bot";
        })
            .ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => _emulator.CreateApiHandler()))
            .ConfigureUserDetails(configure ?? (_ => { }));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using (var scope = _provider.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IViberBotClient>().SetWebhookAsync(new SetWebhookRequest { Url = "https://bot.example.com/viber/webhook" }, Ct);
        }

        return _provider.GetRequiredService<IViberUserDetailsCache>();
    }

    private async Task<EmulatedUser> SubscribedUserAsync(string name)
    {
        var user = _emulator.CreateUser(name);
        await user.SubscribeAsync(Ct);
        return user;
    }
}
