using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Api;

public sealed class AuthTests
{
    public static TheoryData<string> Methods =>
    [
        ViberApiMethods.SetWebhook, ViberApiMethods.SendMessage, ViberApiMethods.BroadcastMessage,
        ViberApiMethods.GetAccountInfo, ViberApiMethods.GetUserDetails, ViberApiMethods.GetOnline,
    ];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Wrong_token_answers_HTTP_200_with_status_2(string method)
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);

        var answer = await harness.CallAsync(method, new JsonObject(), token: "not-the-token");

        Assert.Equal(200, answer.HttpStatus);
        Assert.Equal(ViberStatus.InvalidAuthToken, answer.Status);
        Assert.StartsWith("invalidAuthToken", answer.StatusMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Missing_token_header_answers_missing_auth_token(string method)
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);

        var answer = await harness.CallAsync(method, new JsonObject(), token: null);

        Assert.Equal(200, answer.HttpStatus);
        Assert.Equal(ViberStatus.InvalidAuthToken, answer.Status);
        Assert.Equal("missing_auth_token", answer.StatusMessage);
    }

    [Fact]
    public async Task Unknown_method_answers_HTTP_404()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);

        var answer = await harness.CallAsync("send_messages", new JsonObject());

        Assert.Equal(404, answer.HttpStatus);
        Assert.Equal(404, Assert.Single(harness.Emulator.ApiCalls).HttpStatus);
    }

    [Fact]
    public async Task Get_is_accepted_for_get_account_info_only()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);
        var ct = TestContext.Current.CancellationToken;

        using var info = new HttpRequestMessage(HttpMethod.Get, ViberApiMethods.GetAccountInfo);
        info.Headers.Add(ViberApiMethods.AuthTokenHeader, EmulatorHarness.Token);
        using var infoResponse = await harness.Http.SendAsync(info, ct);
        using var send = new HttpRequestMessage(HttpMethod.Get, ViberApiMethods.SendMessage);
        send.Headers.Add(ViberApiMethods.AuthTokenHeader, EmulatorHarness.Token);
        using var sendResponse = await harness.Http.SendAsync(send, ct);

        Assert.Equal(200, (int)infoResponse.StatusCode);
        Assert.Contains("\"status\":0", await infoResponse.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(405, (int)sendResponse.StatusCode);
    }

    [Fact]
    public async Task The_token_never_appears_in_the_recorded_calls()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        await harness.SendTextAsync("nobody", "hi");

        Assert.All(harness.Emulator.Events, e => Assert.DoesNotContain(EmulatorHarness.Token, e.ToString(), StringComparison.Ordinal));
    }
}
