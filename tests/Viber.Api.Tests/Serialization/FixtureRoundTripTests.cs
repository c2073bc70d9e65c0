using System.Text.Json;
using System.Text.Json.Nodes;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Serialization;

public sealed class FixtureRoundTripTests
{
    public static TheoryData<string, Type> Callbacks => new()
    {
        { "callback_client_status_payment.json", typeof(ClientStatusCallback) },
        { "callback_conversation_started.json", typeof(ConversationStartedCallback) },
        { "callback_delivered.json", typeof(DeliveredCallback) },
        { "callback_failed.json", typeof(FailedCallback) },
        { "callback_message_contact.json", typeof(MessageCallback) },
        { "callback_message_file.json", typeof(MessageCallback) },
        { "callback_message_location.json", typeof(MessageCallback) },
        { "callback_message_picture.json", typeof(MessageCallback) },
        { "callback_message_sticker.json", typeof(MessageCallback) },
        { "callback_message_text.json", typeof(MessageCallback) },
        { "callback_message_url.json", typeof(MessageCallback) },
        { "callback_message_video.json", typeof(MessageCallback) },
        { "callback_seen.json", typeof(SeenCallback) },
        { "callback_subscribed.json", typeof(SubscribedCallback) },
        { "callback_unsubscribed.json", typeof(UnsubscribedCallback) },
        { "callback_webhook.json", typeof(WebhookCallback) },
    };

    public static TheoryData<string, Type> Messages => new()
    {
        { "request_send_message_contact.json", typeof(ContactMessage) },
        { "request_send_message_file.json", typeof(FileMessage) },
        { "request_send_message_keyboard.json", typeof(TextMessage) },
        { "request_send_message_location.json", typeof(LocationMessage) },
        { "request_send_message_picture.json", typeof(PictureMessage) },
        { "request_send_message_rich_media.json", typeof(RichMediaMessage) },
        { "request_send_message_sticker.json", typeof(StickerMessage) },
        { "request_send_message_text.json", typeof(TextMessage) },
        { "request_send_message_url.json", typeof(UrlMessage) },
        { "request_send_message_video.json", typeof(VideoMessage) },
        { "welcome_message_response_body.json", typeof(TextMessage) },
    };

    [Fact]
    public void Every_fixture_is_covered_by_a_test()
    {
        var covered = Callbacks.Select(r => r.Data.Item1).Concat(Messages.Select(r => r.Data.Item1))
            .Concat(OtherFixtures).ToHashSet();
        var uncovered = Fixtures.Names("").Where(n => !n.StartsWith("signature_", StringComparison.Ordinal) && !covered.Contains(n)).ToList();
        Assert.True(uncovered.Count == 0, "Fixtures without a test: " + string.Join(", ", uncovered));
    }

    [Theory]
    [MemberData(nameof(Callbacks))]
    public void Callback_fixture_deserializes_to_its_type_and_round_trips(string fixture, Type expectedType)
    {
        var json = Fixtures.Read(fixture);

        var callback = ViberJson.DeserializeCallback(json);

        Assert.IsType(expectedType, callback);
        JsonAssert.Equivalent(json, ViberJson.SerializeCallback(callback));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_fixture_deserializes_to_its_type_and_round_trips(string fixture, Type expectedType)
    {
        var json = Fixtures.Read(fixture);

        var message = ViberJson.DeserializeMessage(json);

        Assert.IsType(expectedType, message);

        // Strict on output: the documented string sticker id "40129" is accepted but written as a number.
        var expected = fixture == "request_send_message_sticker.json"
            ? System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(json).Replace("\"40129\"", "40129", StringComparison.Ordinal))
            : json;
        JsonAssert.Equivalent(expected, ViberJson.SerializeMessage(message));
    }

    private static readonly string[] OtherFixtures =
    [
        "request_broadcast_message.json", "request_get_online.json", "request_get_user_details.json",
        "request_remove_webhook.json", "request_set_webhook.json", "response_broadcast_message.json",
        "response_broadcast_message_failed_list.json", "response_get_account_info.json", "response_get_online.json",
        "response_get_user_details.json", "response_send_message.json", "response_set_webhook.json",
    ];

    [Fact]
    public void Request_and_response_fixtures_round_trip()
    {
        RoundTrip("request_set_webhook.json", ViberJsonContext.Default.SetWebhookRequest);
        RoundTrip("request_remove_webhook.json", ViberJsonContext.Default.SetWebhookRequest);
        RoundTrip("request_get_online.json", ViberJsonContext.Default.GetOnlineRequest);
        RoundTrip("request_get_user_details.json", ViberJsonContext.Default.GetUserDetailsRequest);
        RoundTrip("response_broadcast_message.json", ViberJsonContext.Default.BroadcastMessageResponse);
        RoundTrip("response_broadcast_message_failed_list.json", ViberJsonContext.Default.BroadcastMessageResponse);
        RoundTrip("response_get_account_info.json", ViberJsonContext.Default.GetAccountInfoResponse);
        RoundTrip("response_get_online.json", ViberJsonContext.Default.GetOnlineResponse);
        RoundTrip("response_get_user_details.json", ViberJsonContext.Default.GetUserDetailsResponse);
        RoundTrip("response_send_message.json", ViberJsonContext.Default.SendMessageResponse);
        RoundTrip("response_set_webhook.json", ViberJsonContext.Default.SetWebhookResponse);
    }

    [Fact]
    public void Broadcast_request_fixture_is_a_message_plus_broadcast_list()
    {
        var json = Fixtures.Read("request_broadcast_message.json");

        var message = Assert.IsType<TextMessage>(ViberJson.DeserializeMessage(json));

        Assert.Equal("Hello World", message.Text);
        Assert.Equal(2, message.ExtensionData!["broadcast_list"].GetArrayLength());
        JsonAssert.Equivalent(json, ViberJson.SerializeMessage(message));
    }

    [Fact]
    public void Typed_fields_carry_the_documented_values()
    {
        var text = Assert.IsType<MessageCallback>(ViberJson.DeserializeCallback(Fixtures.Read("callback_message_text.json")));
        Assert.Equal(4912661846655238145, text.MessageToken);
        Assert.Equal("jc9HsWTZ2Yf2NkRZ8KcNug==", text.Sender!.Id);
        Assert.Equal(1, text.Sender.ApiVersion);
        Assert.Equal("a message to the service", Assert.IsType<TextMessage>(text.Message).Text);
        Assert.Equal("tracking data", text.Message!.TrackingData);

        var started = Assert.IsType<ConversationStartedCallback>(ViberJson.DeserializeCallback(Fixtures.Read("callback_conversation_started.json")));
        Assert.Equal("context information", started.Context);
        Assert.False(started.Subscribed);
        Assert.Equal("open", started.Type);

        var failed = Assert.IsType<FailedCallback>(ViberJson.DeserializeCallback(Fixtures.Read("callback_failed.json")));
        Assert.Equal("message validation failed", failed.Description);

        var status = Assert.IsType<ClientStatusCallback>(ViberJson.DeserializeCallback(Fixtures.Read("callback_client_status_payment.json")));
        Assert.Equal(["IPay.ua", "LiqPay", "Portmone"], status.Status!.SupportedPsps!);

        var file = Assert.IsType<FileMessage>(((MessageCallback)ViberJson.DeserializeCallback(Fixtures.Read("callback_message_file.json"))).Message);
        Assert.Equal(3220, file.FileSize);
        Assert.Equal("doc.pdf", file.FileName);

        var location = Assert.IsType<LocationMessage>(((MessageCallback)ViberJson.DeserializeCallback(Fixtures.Read("callback_message_location.json"))).Message);
        Assert.Equal(50.76891, location.Location!.Latitude);

        var sticker = Assert.IsType<StickerMessage>(ViberJson.DeserializeMessage(Fixtures.Read("request_send_message_sticker.json")));
        Assert.Equal(40129, sticker.StickerId);

        var account = JsonSerializer.Deserialize(Fixtures.Read("response_get_account_info.json"), ViberJsonContext.Default.GetAccountInfoResponse)!;
        Assert.Equal(35, account.SubscribersCount);
        Assert.Equal([ViberEventType.Delivered, ViberEventType.Seen], account.EventTypes!);

        var failedList = JsonSerializer.Deserialize(Fixtures.Read("response_broadcast_message_failed_list.json"), ViberJsonContext.Default.BroadcastMessageResponse)!;
        Assert.Equal(ViberStatus.ReceiverNotSubscribed, failedList.FailedList![0].Status);
        Assert.Equal(ViberStatus.ReceiverNotRegistered, failedList.FailedList[1].Status);

        var details = JsonSerializer.Deserialize(Fixtures.Read("response_get_user_details.json"), ViberJsonContext.Default.GetUserDetailsResponse)!;
        Assert.Equal("android 7.1", details.User!.PrimaryDeviceOs);
        Assert.Equal(1, details.User.Mcc);

        var online = JsonSerializer.Deserialize(Fixtures.Read("response_get_online.json"), ViberJsonContext.Default.GetOnlineResponse)!;
        Assert.Equal(OnlineStatus.Offline, online.Users[1].OnlineStatus);
    }

    private static void RoundTrip<T>(string fixture, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var json = Fixtures.Read(fixture);
        var value = JsonSerializer.Deserialize(json, typeInfo);
        Assert.NotNull(value);
        JsonAssert.Equivalent(json, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
    }

    internal static JsonNode? Node(string json) => JsonNode.Parse(json);
}
