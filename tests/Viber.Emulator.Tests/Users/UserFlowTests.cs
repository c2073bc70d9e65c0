using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Emulator.Conversations;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Users;

/// <summary>What simulated users send, and what happens to the bot's messages on their devices.</summary>
public sealed class UserFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Conversation_started_carries_the_context_and_subscribed_flag()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Ann");

        await user.OpenConversationAsync("campaign-42", Ct);
        await user.SubscribeAsync(Ct);
        await user.OpenConversationAsync(cancellationToken: Ct);

        var started = harness.Webhook.Of("conversation_started").Select(c => (ConversationStartedCallback)c.Callback).ToList();
        Assert.Equal("open", started[0].Type);
        Assert.Equal("campaign-42", started[0].Context);
        Assert.False(started[0].Subscribed);
        Assert.Equal(user.Id, started[0].User!.Id);
        Assert.Null(started[1].Context);
        Assert.True(started[1].Subscribed);
    }

    [Fact]
    public async Task A_first_message_subscribes_without_a_subscribed_callback()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Ann");

        var result = await user.SendTextAsync("hello bot", Ct);

        Assert.True(result.IsDelivered);
        Assert.True(user.IsSubscribed);
        Assert.Empty(harness.Webhook.Of("subscribed"));
        var message = (MessageCallback)Assert.Single(harness.Webhook.Of("message")).Callback;
        Assert.Equal("hello bot", Assert.IsType<TextMessage>(message.Message).Text);
        Assert.Equal(user.Id, message.Sender!.Id);
        Assert.Equal(result.MessageToken, message.MessageToken);
        Assert.Equal(ViberStatus.Ok, (await harness.SendTextAsync(user.Id, "welcome aboard")).Status);
    }

    [Fact]
    public async Task Users_send_every_message_type_they_can()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();

        await user.SendTextAsync("text", Ct);
        await user.SendPictureAsync("https://m.example/p.jpg", "caption", cancellationToken: Ct);
        await user.SendVideoAsync("https://m.example/v.mp4", 1000, 12, cancellationToken: Ct);
        await user.SendStickerAsync(40129, Ct);
        await user.SendContactAsync("Bob", "+380501112233", cancellationToken: Ct);
        await user.SendUrlAsync("https://viber.com", Ct);
        await user.SendLocationAsync(50.45, 30.52, Ct);

        var messages = harness.Webhook.Of("message").Select(c => ((MessageCallback)c.Callback).Message!).ToList();
        Assert.Equal(["text", "picture", "video", "sticker", "contact", "url", "location"], messages.Select(m => m.Type));
        Assert.Equal(40129, Assert.IsType<StickerMessage>(messages[3]).StickerId);
        Assert.Equal("+380501112233", Assert.IsType<ContactMessage>(messages[4]).Contact!.PhoneNumber);
        Assert.Equal(30.52, Assert.IsType<LocationMessage>(messages[6]).Location!.Longitude);
        await Assert.ThrowsAsync<ArgumentException>(() => user.SendMessageAsync(new RichMediaMessage { RichMedia = new() }, Ct));
    }

    [Fact]
    public async Task A_bot_message_is_delivered_once_per_device_and_seen_once_when_read()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync(devices: 3);

        var first = await harness.SendTextAsync(user.Id, "one");
        var second = await harness.SendTextAsync(user.Id, "two");
        await harness.Emulator.WhenIdleAsync(Ct);
        var seen = await user.ReadAsync(Ct);
        var nothingNew = await user.ReadAsync(Ct);

        var delivered = harness.Webhook.Of("delivered").Select(c => (DeliveredCallback)c.Callback).ToList();
        Assert.Equal(3, delivered.Count(d => d.MessageToken == first.MessageToken));
        Assert.Equal(3, delivered.Count(d => d.MessageToken == second.MessageToken));
        Assert.All(delivered, d => Assert.Equal(user.Id, d.UserId));
        var seenCallback = (SeenCallback)Assert.Single(harness.Webhook.Of("seen")).Callback;
        Assert.Equal(second.MessageToken, seenCallback.MessageToken);
        Assert.Equal(user.Id, seenCallback.UserId);
        Assert.True(seen!.IsDelivered);
        Assert.Null(nothingNew);
        Assert.All(user.Messages, m => Assert.Equal(DeliveryState.Seen, m.State));
    }

    [Fact]
    public async Task A_keyboard_the_client_rejects_is_accepted_by_the_server_then_fails()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync(devices: 2);
        await harness.CallAsync(ViberApiMethods.SendMessage, WithKeyboard(Requests.Text(user.Id, "good"), Requests.Keyboard("ok")));
        var bad = WithKeyboard(Requests.Text(user.Id, "bad"), new JsonObject
        {
            ["Type"] = "keyboard",
            ["Buttons"] = new JsonArray(new JsonObject { ["Columns"] = 7, ["Rows"] = 1, ["ActionBody"] = "x", ["Text"] = "X" }),
        });

        var answer = await harness.CallAsync(ViberApiMethods.SendMessage, bad);
        await harness.Emulator.WhenIdleAsync(Ct);

        Assert.Equal(ViberStatus.Ok, answer.Status);
        var failed = (FailedCallback)Assert.Single(harness.Webhook.Of("failed")).Callback;
        Assert.Equal(answer.MessageToken, failed.MessageToken);
        Assert.Equal(user.Id, failed.UserId);
        Assert.Contains("Columns", failed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Webhook.Of("delivered"), c => c.Callback.MessageToken == answer.MessageToken);
        var message = user.Messages[^1];
        Assert.Equal(DeliveryState.Failed, message.State);
        Assert.Equal("ok", user.Keyboard!.Buttons[0].ActionBody);
    }

    [Theory]
    [InlineData("location-picker")]
    [InlineData("share-phone")]
    public async Task Rich_media_with_device_actions_fails_on_the_client(string actionType)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var carousel = Carousel(user.Id);
        carousel["rich_media"]!["Buttons"]![0]!["ActionType"] = actionType;

        var answer = await harness.CallAsync(ViberApiMethods.SendMessage, carousel);
        await harness.Emulator.WhenIdleAsync(Ct);

        Assert.Equal(ViberStatus.Ok, answer.Status);
        Assert.Contains(actionType, ((FailedCallback)Assert.Single(harness.Webhook.Of("failed")).Callback).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tapping_a_keyboard_button_replies_with_its_ActionBody_and_the_last_tracking_data()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var question = WithKeyboard(Requests.Text(user.Id, "Pick one"), Requests.Keyboard("yes", "no"));
        question["tracking_data"] = "step-1";
        await harness.CallAsync(ViberApiMethods.SendMessage, question);

        await user.TapKeyboardButtonAsync("no", Ct);
        await user.TapKeyboardButtonAsync(0, Ct);

        var replies = harness.Webhook.Of("message").Select(c => ((MessageCallback)c.Callback).Message!).ToList();
        Assert.Equal(["no", "yes"], replies.Select(m => ((TextMessage)m).Text));
        Assert.All(replies, m => Assert.Equal("step-1", m.TrackingData));
        await Assert.ThrowsAsync<InvalidOperationException>(() => user.TapKeyboardButtonAsync("maybe", Ct));
    }

    [Fact]
    public async Task Buttons_act_by_their_ActionType()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser(new Viber.Emulator.Users.EmulatedUserProfile { Name = "Ann", PhoneNumber = "+48123456789", Latitude = 52.23, Longitude = 21.01 });
        await user.SubscribeAsync(Ct);
        var keyboard = new JsonObject
        {
            ["Type"] = "keyboard",
            ["Buttons"] = new JsonArray(
                new JsonObject { ["ActionType"] = "share-phone", ["ActionBody"] = "phone", ["Text"] = "Share phone" },
                new JsonObject { ["ActionType"] = "location-picker", ["ActionBody"] = "where", ["Text"] = "Send location" },
                new JsonObject { ["ActionType"] = "none", ["ActionBody"] = "nothing", ["Text"] = "Label" },
                new JsonObject { ["ActionType"] = "reply", ["ActionBody"] = "quiet", ["Text"] = "Quiet", ["Silent"] = true },
                new JsonObject { ["ActionType"] = "open-url", ["ActionBody"] = "https://viber.com", ["Text"] = "Open" }),
        };
        await harness.CallAsync(ViberApiMethods.SendMessage, WithKeyboard(Requests.Text(user.Id, "menu"), keyboard));

        await user.TapKeyboardButtonAsync("Share phone", Ct);
        await user.TapKeyboardButtonAsync("Send location", Ct);
        var none = await user.TapKeyboardButtonAsync("Label", Ct);
        await user.TapKeyboardButtonAsync("Quiet", Ct);
        await user.TapKeyboardButtonAsync("Open", Ct);

        var callbacks = harness.Webhook.Of("message").Select(c => (MessageCallback)c.Callback).ToList();
        Assert.Null(none);
        Assert.Equal(4, callbacks.Count);
        Assert.Equal("+48123456789", Assert.IsType<ContactMessage>(callbacks[0].Message).Contact!.PhoneNumber);
        Assert.Equal(52.23, Assert.IsType<LocationMessage>(callbacks[1].Message).Location!.Latitude);
        Assert.True(callbacks[2].Silent);
        Assert.Null(callbacks[0].Silent);
        Assert.Equal("https://viber.com", Assert.IsType<TextMessage>(callbacks[3].Message).Text);
    }

    [Fact]
    public async Task Tapping_a_rich_media_button_replies_with_its_ActionBody()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var answer = await harness.CallAsync(ViberApiMethods.SendMessage, Carousel(user.Id));

        await user.TapRichMediaButtonAsync(answer.MessageToken, 1, Ct);

        var message = (MessageCallback)Assert.Single(harness.Webhook.Of("message")).Callback;
        Assert.Equal("buy-2", Assert.IsType<TextMessage>(message.Message).Text);
        await Assert.ThrowsAsync<InvalidOperationException>(() => user.TapRichMediaButtonAsync(answer.MessageToken, 5, Ct));
    }

    [Fact]
    public async Task The_client_keeps_only_the_last_keyboard_and_tracking_data()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var first = WithKeyboard(Requests.Text(user.Id, "menu"), Requests.Keyboard("a"));
        first["tracking_data"] = "menu";
        await harness.CallAsync(ViberApiMethods.SendMessage, first);
        Assert.NotNull(user.Keyboard);
        Assert.Equal("menu", user.TrackingData);

        await harness.SendTextAsync(user.Id, "plain");

        Assert.Null(user.Keyboard);
        Assert.Null(user.TrackingData);
        await Assert.ThrowsAsync<InvalidOperationException>(() => user.TapKeyboardButtonAsync(0, Ct));
    }

    [Fact]
    public async Task Subscribing_clears_context_and_tracking_data()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Ann");
        await user.OpenConversationAsync("deep-link", Ct);
        var welcome = Requests.Text(user.Id, "welcome");
        welcome["tracking_data"] = "welcome-flow";
        await harness.CallAsync(ViberApiMethods.SendMessage, welcome);
        Assert.Equal("deep-link", user.Context);

        await user.SubscribeAsync(Ct);
        await user.SendTextAsync("hi", Ct);

        Assert.Null(user.Context);
        Assert.Null(((MessageCallback)harness.Webhook.Of("message")[0].Callback).Message!.TrackingData);
        await Assert.ThrowsAsync<InvalidOperationException>(() => user.SubscribeAsync(Ct));
    }

    [Fact]
    public async Task WaitForMessage_hands_out_each_bot_message_once_and_explains_a_timeout()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Ann");
        await harness.SendTextAsync(user.Id, "refused: not subscribed");
        await user.SubscribeAsync(Ct);
        await harness.SendTextAsync(user.Id, "one");
        await harness.SendTextAsync(user.Id, "two");

        var first = await user.WaitForMessageAsync(cancellationToken: Ct);
        var second = await harness.Emulator.WaitForBotMessageAsync(user.Id, cancellationToken: Ct);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => user.WaitForMessageAsync(TimeSpan.FromMilliseconds(50), Ct));

        Assert.Equal("one", first.Text);
        Assert.Equal("two", second.Text);
        Assert.Contains("Ann", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("receiverNotSubscribed", timeout.Message, StringComparison.Ordinal);
    }

    private static JsonObject WithKeyboard(JsonObject message, JsonObject keyboard)
    {
        message["keyboard"] = keyboard;
        return message;
    }

    private static JsonObject Carousel(string receiver) => new()
    {
        ["receiver"] = receiver,
        ["type"] = "rich_media",
        ["min_api_version"] = 2,
        ["sender"] = Requests.Sender,
        ["rich_media"] = new JsonObject
        {
            ["Type"] = "rich_media",
            ["ButtonsGroupColumns"] = 6,
            ["ButtonsGroupRows"] = 2,
            ["Buttons"] = new JsonArray(
                new JsonObject { ["Columns"] = 6, ["Rows"] = 2, ["ActionType"] = "reply", ["ActionBody"] = "buy-1", ["Text"] = "Item 1" },
                new JsonObject { ["Columns"] = 6, ["Rows"] = 2, ["ActionType"] = "reply", ["ActionBody"] = "buy-2", ["Text"] = "Item 2" }),
        },
    };
}
