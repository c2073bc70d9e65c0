using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class ClientOptionsTests
{
    public static TheoryData<string, Action<ViberBotClientOptions>> InvalidOptions => new()
    {
        { "AuthToken", o => o.AuthToken = "" },
        { "AuthToken", o => o.AuthToken = TestClient.Token + "\r\n" },
        { "AuthToken", o => o.AuthToken = TestClient.Token + "\u00E9" },
        { "BaseAddress", o => o.BaseAddress = new Uri("/pa/", UriKind.Relative) },
        { "MaxRetryAttempts", o => o.MaxRetryAttempts = -1 },
        { "RetryBaseDelay", o => o.RetryBaseDelay = TimeSpan.FromSeconds(-1) },
        { "RetryMaxDelay", o => (o.RetryBaseDelay, o.RetryMaxDelay) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)) },
        { "AttemptTimeout", o => o.AttemptTimeout = TimeSpan.Zero },
        { "TotalTimeout", o => o.TotalTimeout = TimeSpan.FromDays(2) },
        { "BroadcastRequestsPerWindow", o => o.BroadcastRequestsPerWindow = 0 },
        { "BroadcastWindow", o => o.BroadcastWindow = TimeSpan.Zero },
        { "BroadcastConcurrency", o => o.BroadcastConcurrency = 0 },
        { "BroadcastConcurrency", o => o.BroadcastConcurrency = -1 },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void An_invalid_option_fails_at_construction_naming_the_option(string option, Action<ViberBotClientOptions> configure)
    {
        var options = TestClient.Options(configure);

        var ex = Assert.Throws<ArgumentException>(() => new ViberBotClient(new HttpClient(), options));

        Assert.Contains($"ViberBotClientOptions.{option}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClient.Token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_and_timeouts_can_be_switched_off()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Status(System.Net.HttpStatusCode.ServiceUnavailable));
        var client = TestClient.Create(handler, o =>
        {
            o.MaxRetryAttempts = 0;
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAccountInfoAsync(TestContext.Current.CancellationToken));

        Assert.Single(handler.Requests);
    }
}
