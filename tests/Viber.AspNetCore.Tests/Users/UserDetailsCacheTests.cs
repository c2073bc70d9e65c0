using Microsoft.Extensions.Time.Testing;
using Viber.Api;
using Viber.Api.Requests;
using Viber.AspNetCore.Users;
using Viber.Testing;

namespace Viber.AspNetCore.Tests.Users;

/// <summary>The cache when Viber counted calls it did not see (another instance), and its registration.</summary>
public sealed class UserDetailsCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Viber_refusing_with_tooManyRequests_and_nothing_kept_is_reported_as_the_quota_with_the_cause()
    {
        var viber = new RecordingViberBotClient { OnGetUserDetails = (_, _) => throw new ViberApiException(ViberApiMethods.GetUserDetails, ViberStatus.TooManyRequests, null) };
        await using var provider = Build(viber);
        var cache = provider.GetRequiredService<IViberUserDetailsCache>();

        var exception = await Assert.ThrowsAsync<ViberUserDetailsQuotaExceededException>(() => cache.GetAsync("user-1", Ct).AsTask());

        Assert.Null(exception.NextCallAt);
        Assert.IsType<ViberApiException>(exception.InnerException);
        Assert.Contains("another instance", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viber_refusing_with_tooManyRequests_falls_back_to_the_kept_answer()
    {
        var refuse = false;
        var viber = new RecordingViberBotClient
        {
            OnGetUserDetails = (id, _) => refuse
                ? throw new ViberApiException(ViberApiMethods.GetUserDetails, ViberStatus.TooManyRequests, null)
                : Task.FromResult(new GetUserDetailsResponse { User = new UserDetails { Id = id, Name = "Olena" } }),
        };
        await using var provider = Build(viber);
        var cache = provider.GetRequiredService<IViberUserDetailsCache>();

        await cache.GetAsync("user-1", Ct);
        refuse = true;
        var kept = await cache.RefreshAsync("user-1", Ct);

        Assert.Equal("Olena", kept.Name);
        Assert.Equal(2, viber.UserDetailsRequests.Count);
    }

    [Fact]
    public async Task Other_API_errors_are_not_hidden()
    {
        var viber = new RecordingViberBotClient { OnGetUserDetails = (_, _) => throw new ViberApiException(ViberApiMethods.GetUserDetails, ViberStatus.ReceiverNotSubscribed, null) };
        await using var provider = Build(viber);

        var exception = await Assert.ThrowsAsync<ViberApiException>(() => provider.GetRequiredService<IViberUserDetailsCache>().GetAsync("user-1", Ct).AsTask());

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, exception.Status);
    }

    [Fact]
    public async Task An_empty_user_id_is_refused_naming_the_argument()
    {
        await using var provider = Build(new RecordingViberBotClient());

        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => provider.GetRequiredService<IViberUserDetailsCache>().GetAsync("", Ct).AsTask());

        Assert.Equal("userId", exception.ParamName);
    }

    private ServiceProvider Build(RecordingViberBotClient viber)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSingleton<TimeProvider>(_time);
        services.AddViberBot(o =>
        {
            o.AuthToken = "token";
            o.RegisterWebhook = false;
        });
        services.AddSingleton<IViberBotClient>(viber);
        return services.BuildServiceProvider();
    }
}
