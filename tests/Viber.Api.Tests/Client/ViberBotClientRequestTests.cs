using System.Text.Json;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class ViberBotClientRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetWebhook_posts_the_request_and_reads_the_confirmed_event_types()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Fixtures.Read("response_set_webhook.json")));
        var request = JsonSerializer.Deserialize(Fixtures.Read("request_set_webhook.json"), ViberJsonContext.Default.SetWebhookRequest)!;

        var response = await TestClient.Create(handler).SetWebhookAsync(request, Ct);

        var sent = Assert.Single(handler.Requests);
        AssertPost(sent, "set_webhook");
        JsonAssert.Equivalent(Fixtures.Read("request_set_webhook.json"), sent.Body);
        Assert.Equal(6, response.EventTypes!.Count);
        Assert.Contains(ViberEventType.ConversationStarted, response.EventTypes);
    }

    [Fact]
    public async Task RemoveWebhook_posts_set_webhook_with_an_empty_url()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Ok());

        await TestClient.Create(handler).RemoveWebhookAsync(Ct);

        var sent = Assert.Single(handler.Requests);
        AssertPost(sent, "set_webhook");
        JsonAssert.Equivalent(Fixtures.Read("request_remove_webhook.json"), sent.Body);
    }

    [Fact]
    public async Task SendMessage_posts_the_message_and_reads_the_token()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Fixtures.Read("response_send_message.json")));
        var message = ViberJson.DeserializeMessage(Fixtures.Read("request_send_message_text.json"));

        var response = await TestClient.Create(handler).SendMessageAsync(message, Ct);

        var sent = Assert.Single(handler.Requests);
        AssertPost(sent, "send_message");
        JsonAssert.Equivalent(Fixtures.Read("request_send_message_text.json"), sent.Body);
        Assert.Equal(1234567890, response.MessageToken);
        Assert.Equal(BillingStatus.Default, response.BillingStatus);
    }

    [Fact]
    public async Task BroadcastMessage_posts_the_message_with_broadcast_list()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Fixtures.Read("response_broadcast_message.json")));
        var message = new TextMessage { Text = "Hello World", Sender = new ViberSender("Viber Bot", "http://avatar.example.com") };

        var result = await TestClient.Create(handler).BroadcastMessageAsync(message, ["jc9HsWTZ2Yf2NkRZ8KcNug==", "fd4HsWT33Yf1BkRZ8KcBsk=="], Ct);

        var sent = Assert.Single(handler.Requests);
        AssertPost(sent, "broadcast_message");
        JsonAssert.Equivalent(Fixtures.Read("request_broadcast_message.json"), sent.Body);
        Assert.Equal([1234567890L], result.MessageTokens);
        Assert.True(result.AllSucceeded);
        Assert.Equal(2, result.SucceededCount);
    }

    [Fact]
    public async Task GetAccountInfo_posts_an_empty_object_and_reads_the_account()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Fixtures.Read("response_get_account_info.json")));

        var account = await TestClient.Create(handler).GetAccountInfoAsync(Ct);

        var sent = Assert.Single(handler.Requests);
        AssertPost(sent, "get_account_info");
        JsonAssert.Equivalent("{}"u8, sent.Body);
        Assert.Equal("pa:75346594275468546724", account.Id);
        Assert.Equal(35, account.SubscribersCount);
    }

    [Fact]
    public async Task An_answer_larger_than_one_read_is_read_whole()
    {
        // About 30 KB: more than System.Text.Json reads from a stream at once (16 KB), so the answer is parsed across reads.
        var members = string.Join(",", Enumerable.Range(0, 300).Select(i => $$"""{"id":"member-{{i}}=","name":"member {{i}}","avatar":"http://example.com/avatar/{{i}}.jpg","role":"participant"}"""));
        var handler = RecordingHandler.AlwaysJson($$"""{"status":0,"status_message":"ok","id":"pa:1","name":"big","members":[{{members}}]}""");

        var account = await TestClient.Create(handler).GetAccountInfoAsync(Ct);

        var listed = Assert.IsType<IList<AccountMember>>(account.Members, exactMatch: false);
        Assert.Equal(300, listed.Count);
        Assert.Equal("member-299=", listed[^1].Id);
        Assert.Equal("member 150", listed[150].Name);
    }

    [Fact]
    public async Task GetUserDetails_posts_the_id_and_reads_the_user()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Fixtures.Read("response_get_user_details.json")));

        var details = await TestClient.Create(handler).GetUserDetailsAsync("jc9HsWTZ2Yf2NkRZ8KcNug==", Ct);

        var sent = Assert.Single(handler.Requests);
        AssertPost(sent, "get_user_details");
        JsonAssert.Equivalent(Fixtures.Read("request_get_user_details.json"), sent.Body);
        Assert.Equal("John McClane", details.User!.Name);
        Assert.Equal(4912661846655238145, details.MessageToken);
    }

    [Fact]
    public async Task GetOnline_posts_the_ids_and_reads_the_statuses()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Fixtures.Read("response_get_online.json")));

        var users = await TestClient.Create(handler).GetOnlineAsync(["jc9HsWTZ2Yf2NkRZ8KcNug==", "fd4HsWT33Yf1BkRZ8KcBsk=="], Ct);

        var sent = Assert.Single(handler.Requests);
        AssertPost(sent, "get_online");
        JsonAssert.Equivalent(Fixtures.Read("request_get_online.json"), sent.Body);
        Assert.Equal([OnlineStatus.Online, OnlineStatus.Offline], users.Select(u => u.OnlineStatus));
    }

    [Fact]
    public async Task A_base_address_without_trailing_slash_keeps_its_path()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Ok());

        await TestClient.Create(handler, o => o.BaseAddress = new Uri("https://viber.test/pa")).GetAccountInfoAsync(Ct);

        Assert.Equal("https://viber.test/pa/get_account_info", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_token_is_set_per_request_not_on_the_shared_HttpClient()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Ok());
        var httpClient = new HttpClient(handler);
        var client = new ViberBotClient(httpClient, TestClient.Options());

        await client.GetAccountInfoAsync(Ct);

        Assert.Equal(TestClient.Token, handler.Requests[0].AuthToken);
        Assert.False(httpClient.DefaultRequestHeaders.Contains(ViberApiMethods.AuthTokenHeader));
        Assert.DoesNotContain(TestClient.Token, client.ToString(), StringComparison.Ordinal);
    }

    private static void AssertPost(RecordingHandler.Request request, string method)
    {
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri(TestClient.BaseAddress, method), request.Uri);
        Assert.Equal(TestClient.Token, request.AuthToken);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
    }
}
