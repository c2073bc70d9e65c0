using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Emulator.Tests.Support;
using Viber.Emulator.Users;

namespace Viber.Emulator.Tests.Api;

/// <summary>get_account_info, get_user_details and get_online.</summary>
public sealed class AccountAndUserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Account_info_reports_the_account_webhook_event_types_and_subscribers()
    {
        await using var harness = await EmulatorHarness.StartAsync(configure: o =>
        {
            o.BotName = "Shop Bot";
            o.BotUri = "shopbot";
            o.BotAvatar = "https://example.com/shop.png";
        });
        await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl, new JsonArray("delivered", "seen")));
        await harness.SubscribedUserAsync("Ann");
        await harness.SubscribedUserAsync("Bob");
        harness.Emulator.CreateUser("Not subscribed");

        var answer = await harness.CallAsync(ViberApiMethods.GetAccountInfo, "{}");

        Assert.Equal(ViberStatus.Ok, answer.Status);
        Assert.Equal("Shop Bot", answer.Json.GetProperty("name").GetString());
        Assert.Equal("shopbot", answer.Json.GetProperty("uri").GetString());
        Assert.Equal("https://example.com/shop.png", answer.Json.GetProperty("icon").GetString());
        Assert.Equal(EmulatorHarness.WebhookUrl, answer.Json.GetProperty("webhook").GetString());
        Assert.Equal(["delivered", "seen"], answer.Json.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, answer.Json.GetProperty("subscribers_count").GetInt32());
    }

    [Fact]
    public async Task User_details_return_the_full_profile()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser(new EmulatedUserProfile
        {
            Name = "John McClane",
            Avatar = "http://avatar.example.com",
            Country = "UK",
            Language = "en",
            ApiVersion = 7,
            PrimaryDeviceOs = "android 7.1",
            ViberVersion = "6.5.0",
            Mcc = 1,
            Mnc = 1,
            DeviceType = "iPhone9,4",
        });
        await user.SubscribeAsync(Ct);

        var answer = await harness.CallAsync(ViberApiMethods.GetUserDetails, new JsonObject { ["id"] = user.Id });

        Assert.Equal(ViberStatus.Ok, answer.Status);
        Assert.True(answer.MessageToken > 0);
        var details = answer.Json.GetProperty("user");
        Assert.Equal(user.Id, details.GetProperty("id").GetString());
        Assert.Equal("John McClane", details.GetProperty("name").GetString());
        Assert.Equal("UK", details.GetProperty("country").GetString());
        Assert.Equal(7, details.GetProperty("api_version").GetInt32());
        Assert.Equal("android 7.1", details.GetProperty("primary_device_os").GetString());
        Assert.Equal("6.5.0", details.GetProperty("viber_version").GetString());
        Assert.Equal("iPhone9,4", details.GetProperty("device_type").GetString());
    }

    [Fact]
    public async Task User_details_are_answered_twice_per_user_per_12_hours()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var ann = await harness.SubscribedUserAsync("Ann");
        var bob = await harness.SubscribedUserAsync("Bob");
        var request = new JsonObject { ["id"] = ann.Id };

        var first = await harness.CallAsync(ViberApiMethods.GetUserDetails, request.ToJsonString());
        var second = await harness.CallAsync(ViberApiMethods.GetUserDetails, request.ToJsonString());
        var third = await harness.CallAsync(ViberApiMethods.GetUserDetails, request.ToJsonString());
        var otherUser = await harness.CallAsync(ViberApiMethods.GetUserDetails, new JsonObject { ["id"] = bob.Id });
        harness.Time.Advance(TimeSpan.FromHours(12));
        var later = await harness.CallAsync(ViberApiMethods.GetUserDetails, request.ToJsonString());

        Assert.Equal(ViberStatus.Ok, first.Status);
        Assert.Equal(ViberStatus.Ok, second.Status);
        Assert.Equal(ViberStatus.TooManyRequests, third.Status);
        Assert.Equal(ViberStatus.Ok, otherUser.Status);
        Assert.Equal(ViberStatus.Ok, later.Status);
    }

    [Theory]
    [InlineData("{}", ViberStatus.MissingData)]
    [InlineData("{\"id\":12}", ViberStatus.BadData)]
    [InlineData("{\"id\":\"EGAZ3SZRi6zW1D0uNYhQHg==\"}", ViberStatus.ReceiverNotRegistered)]
    public async Task User_details_reject_bad_ids(string body, ViberStatus expected)
        => Assert.Equal(expected, await EmulatorHarness.StatusOfAsync(ViberApiMethods.GetUserDetails, body));

    [Fact]
    public async Task User_details_need_a_subscribed_user()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Ann");

        var answer = await harness.CallAsync(ViberApiMethods.GetUserDetails, new JsonObject { ["id"] = user.Id });

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, answer.Status);
    }

    [Fact]
    public async Task Online_status_covers_all_five_statuses()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var online = await harness.SubscribedUserAsync("Online");
        var offline = await harness.SubscribedUserAsync("Offline");
        var hidden = await harness.SubscribedUserAsync("Hidden");
        var busy = await harness.SubscribedUserAsync("Busy");
        var unsubscribed = harness.Emulator.CreateUser("Unsubscribed");
        offline.SetOnlineStatus(OnlineStatus.Offline);
        hidden.SetOnlineStatus(OnlineStatus.Undisclosed);
        busy.SetOnlineStatus(OnlineStatus.TryLater);
        string[] ids = [online.Id, offline.Id, hidden.Id, busy.Id, unsubscribed.Id, "EGAZ3SZRi6zW1D0uNYhQHg=="];

        var answer = await harness.CallAsync(ViberApiMethods.GetOnline, new JsonObject { ["ids"] = new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(i))]) });

        Assert.Equal(ViberStatus.Ok, answer.Status);
        var users = answer.Json.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(ids, users.Select(u => u.GetProperty("id").GetString()));
        Assert.Equal([0, 1, 2, 3, 4, 4], users.Select(u => u.GetProperty("online_status").GetInt32()));
        Assert.Equal(["online", "offline", "undisclosed", "tryLater", "unavailable", "unavailable"], users.Select(u => u.GetProperty("online_status_message").GetString()));
        Assert.Equal(harness.Time.GetUtcNow().ToUnixTimeMilliseconds(), users[1].GetProperty("last_online").GetInt64());
    }

    [Fact]
    public async Task Online_status_takes_at_most_100_ids()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var ids = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)JsonValue.Create("id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

        var tooMany = await harness.CallAsync(ViberApiMethods.GetOnline, new JsonObject { ["ids"] = ids.DeepClone() });
        ids.RemoveAt(0);
        var atLimit = await harness.CallAsync(ViberApiMethods.GetOnline, new JsonObject { ["ids"] = ids });
        var missing = await harness.CallAsync(ViberApiMethods.GetOnline, "{}");

        Assert.Equal(ViberStatus.BadData, tooMany.Status);
        Assert.Equal(ViberStatus.Ok, atLimit.Status);
        Assert.Equal(100, atLimit.Json.GetProperty("users").GetArrayLength());
        Assert.Equal(ViberStatus.MissingData, missing.Status);
    }
}
