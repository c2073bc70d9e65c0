using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Emulator.Tests.Support;
using Viber.Emulator.Users;

namespace Viber.Emulator.Tests.Api;

public sealed class BroadcastMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Broadcast(IEnumerable<string> receivers, string text = "hi") => new()
    {
        ["type"] = "text",
        ["text"] = text,
        ["sender"] = Requests.Sender,
        ["broadcast_list"] = new JsonArray([.. receivers.Select(r => (JsonNode)JsonValue.Create(r))]),
    };

    [Fact]
    public async Task Placeholders_are_replaced_per_receiver_everywhere_in_the_message()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var ann = harness.Emulator.CreateUser(new EmulatedUserProfile { Id = "jc9HsWTZ2Yf2+kRZ8K/Nug==", Name = "Ann \"Q\" Lee" });
        var bob = harness.Emulator.CreateUser(new EmulatedUserProfile { Id = "fd4HsWT33Yf1BkRZ8KcBsk==", Name = "Bob" });
        await ann.SubscribeAsync(Ct);
        await bob.SubscribeAsync(Ct);
        var request = Broadcast([ann.Id, bob.Id], "Hi replace_me_with_user_name, you are replace_me_with_receiver_id");
        request["tracking_data"] = "for:replace_me_with_receiver_id";
        request["keyboard"] = Requests.Keyboard("https://shop.example/?u=replace_me_with_url_encoded_receiver_id");

        var answer = await harness.CallAsync(ViberApiMethods.BroadcastMessage, request);

        Assert.Equal(ViberStatus.Ok, answer.Status);
        var toAnn = Assert.Single(ann.Messages);
        var toBob = Assert.Single(bob.Messages);
        Assert.Equal("Hi Ann \"Q\" Lee, you are jc9HsWTZ2Yf2+kRZ8K/Nug==", toAnn.Text);
        Assert.Equal("Hi Bob, you are fd4HsWT33Yf1BkRZ8KcBsk==", toBob.Text);
        Assert.Equal("for:jc9HsWTZ2Yf2+kRZ8K/Nug==", toAnn.Message.TrackingData);
        Assert.Equal("https://shop.example/?u=jc9HsWTZ2Yf2%2BkRZ8K%2FNug%3D%3D", toAnn.Message.Keyboard!.Buttons[0].ActionBody);
        Assert.Equal("https://shop.example/?u=fd4HsWT33Yf1BkRZ8KcBsk%3D%3D", toBob.Message.Keyboard!.Buttons[0].ActionBody);
        Assert.Equal(answer.MessageToken, toAnn.MessageToken);
        Assert.Equal(answer.MessageToken, toBob.MessageToken);
        Assert.False(answer.Json.TryGetProperty("failed_list", out _));
        Assert.DoesNotContain("broadcast_list", toAnn.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_unsubscribed_receivers_are_listed_in_failed_list()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var subscribed = await harness.SubscribedUserAsync("Sub");
        var unsubscribed = harness.Emulator.CreateUser("Unsub");

        var answer = await harness.CallAsync(ViberApiMethods.BroadcastMessage, Broadcast([subscribed.Id, unsubscribed.Id, "EGAZ3SZRi6zW1D0uNYhQHg=="]));

        Assert.Equal(ViberStatus.Ok, answer.Status);
        var failed = answer.Json.GetProperty("failed_list").EnumerateArray().ToList();
        Assert.Equal(2, failed.Count);
        Assert.Equal(unsubscribed.Id, failed[0].GetProperty("receiver").GetString());
        Assert.Equal(6, failed[0].GetProperty("status").GetInt32());
        Assert.Equal("Not subscribed", failed[0].GetProperty("status_message").GetString());
        Assert.Equal("EGAZ3SZRi6zW1D0uNYhQHg==", failed[1].GetProperty("receiver").GetString());
        Assert.Equal(5, failed[1].GetProperty("status").GetInt32());
        Assert.Equal("Not found", failed[1].GetProperty("status_message").GetString());
        Assert.Single(subscribed.Messages);
        Assert.Empty(unsubscribed.Messages);
    }

    [Fact]
    public async Task At_most_300_receivers_per_request()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var ids = Enumerable.Range(0, 301).Select(i => "user" + i.ToString("D20", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var tooMany = await harness.CallAsync(ViberApiMethods.BroadcastMessage, Broadcast(ids));
        var atLimit = await harness.CallAsync(ViberApiMethods.BroadcastMessage, Broadcast(ids.Take(300)));

        Assert.Equal(ViberStatus.BadData, tooMany.Status);
        Assert.Contains("300", tooMany.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(ViberStatus.Ok, atLimit.Status);
        Assert.Equal(300, atLimit.Json.GetProperty("failed_list").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"type\":\"text\",\"text\":\"hi\",\"sender\":{\"name\":\"Bot\"}}", ViberStatus.MissingData)]
    [InlineData("{\"type\":\"text\",\"text\":\"hi\",\"sender\":{\"name\":\"Bot\"},\"broadcast_list\":[]}", ViberStatus.MissingData)]
    [InlineData("{\"type\":\"text\",\"text\":\"hi\",\"sender\":{\"name\":\"Bot\"},\"broadcast_list\":\"abc\"}", ViberStatus.BadData)]
    [InlineData("{\"type\":\"text\",\"sender\":{\"name\":\"Bot\"},\"broadcast_list\":[\"abc\"]}", ViberStatus.MissingData)]
    [InlineData("{\"type\":\"text\",\"text\":\"hi\",\"broadcast_list\":[\"abc\"]}", ViberStatus.MissingData)]
    public async Task Bad_requests_get_3_or_4(string body, ViberStatus expected)
        => Assert.Equal(expected, await EmulatorHarness.StatusOfAsync(ViberApiMethods.BroadcastMessage, body));

    [Fact]
    public async Task More_than_500_requests_in_10_seconds_get_12()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = Broadcast(["EGAZ3SZRi6zW1D0uNYhQHg=="]).ToJsonString();
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(ViberStatus.Ok, (await harness.CallAsync(ViberApiMethods.BroadcastMessage, request)).Status);
        }

        var refused = await harness.CallAsync(ViberApiMethods.BroadcastMessage, request);
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        var allowed = await harness.CallAsync(ViberApiMethods.BroadcastMessage, request);

        Assert.Equal(ViberStatus.TooManyRequests, refused.Status);
        Assert.Equal(ViberStatus.Ok, allowed.Status);
    }

    [Fact]
    public async Task A_scaled_limit_is_enforced_and_the_busiest_window_and_refusals_are_counted()
    {
        await using var harness = await EmulatorHarness.StartAsync(configure: o => (o.BroadcastRequestsPerWindow, o.BroadcastWindow) = (3, TimeSpan.FromSeconds(1)));
        var request = Broadcast(["EGAZ3SZRi6zW1D0uNYhQHg=="]).ToJsonString();
        var statuses = new List<ViberStatus>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await harness.CallAsync(ViberApiMethods.BroadcastMessage, request)).Status);
        }

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        statuses.Add((await harness.CallAsync(ViberApiMethods.BroadcastMessage, request)).Status);

        Assert.Equal([ViberStatus.Ok, ViberStatus.Ok, ViberStatus.Ok, ViberStatus.TooManyRequests, ViberStatus.Ok], statuses);
        Assert.Equal(3, harness.Emulator.Account.MostBroadcastsInAnyWindow);
        Assert.Equal(1, harness.Emulator.Account.BroadcastsRefused);
    }

    [Fact]
    public async Task Unknown_receivers_can_be_accepted_for_large_broadcasts()
    {
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.AcceptUnknownBroadcastReceivers = true);
        var unsubscribed = harness.Emulator.CreateUser("Unsub");

        var answer = await harness.CallAsync(ViberApiMethods.BroadcastMessage, Broadcast([unsubscribed.Id, "EGAZ3SZRi6zW1D0uNYhQHg=="]));

        Assert.Equal(ViberStatus.Ok, answer.Status);
        var failed = Assert.Single(answer.Json.GetProperty("failed_list").EnumerateArray());
        Assert.Equal(unsubscribed.Id, failed.GetProperty("receiver").GetString());
        Assert.Single(harness.Emulator.Users);
    }

    [Fact]
    public async Task Each_receiver_gets_delivered_callbacks_for_the_broadcast_token()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var ann = await harness.SubscribedUserAsync("Ann", devices: 2);
        var bob = await harness.SubscribedUserAsync("Bob");

        var answer = await harness.CallAsync(ViberApiMethods.BroadcastMessage, Broadcast([ann.Id, bob.Id]));
        await harness.Emulator.WhenIdleAsync(Ct);

        var delivered = harness.Webhook.Of("delivered").Select(c => (Viber.Api.Callbacks.DeliveredCallback)c.Callback).ToList();
        Assert.All(delivered, d => Assert.Equal(answer.MessageToken, d.MessageToken));
        Assert.Equal(2, delivered.Count(d => d.UserId == ann.Id));
        Assert.Equal(1, delivered.Count(d => d.UserId == bob.Id));
        Assert.IsType<TextMessage>(Assert.Single(bob.Messages).Message);
    }
}
