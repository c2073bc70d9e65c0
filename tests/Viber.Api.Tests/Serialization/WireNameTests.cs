using System.Text;
using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Serialization;

namespace Viber.Api.Tests.Serialization;

/// <summary>
/// A callback's event and a message's type are read as the library's own constants when Viber sends a known name,
/// with no new string per callback; anything else reads and fails as a plain string property does.
/// </summary>
public sealed class WireNameTests
{
    [Fact]
    public void A_known_event_and_message_type_are_the_librarys_constants()
    {
        var json = """{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"text","text":"hi"}}"""u8;

        var callback = Assert.IsType<MessageCallback>(ViberJson.DeserializeCallback(json));

        Assert.Same(MessageCallback.EventName, callback.Event);
        Assert.Same(MessageTypes.Text, callback.Message!.Type);
    }

    // The constants themselves (attribute arguments would be copies of them).
    public static TheoryData<string, Type> KnownEvents => new()
    {
        { DeliveredCallback.EventName, typeof(DeliveredCallback) },
        { SeenCallback.EventName, typeof(SeenCallback) },
        { FailedCallback.EventName, typeof(FailedCallback) },
        { SubscribedCallback.EventName, typeof(SubscribedCallback) },
        { UnsubscribedCallback.EventName, typeof(UnsubscribedCallback) },
        { ConversationStartedCallback.EventName, typeof(ConversationStartedCallback) },
        { WebhookCallback.EventName, typeof(WebhookCallback) },
        { ClientStatusCallback.EventName, typeof(ClientStatusCallback) },
    };

    [Theory]
    [MemberData(nameof(KnownEvents))]
    public void Every_known_event_picks_its_model_and_keeps_the_constant(string eventName, Type model)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"event":"{{eventName}}","timestamp":1,"message_token":2}""");

        var callback = ViberJson.DeserializeCallback(json);

        Assert.IsType(model, callback);
        Assert.Same(eventName, callback.Event);
    }

    [Fact]
    public void An_escaped_name_is_still_the_known_one()
    {
        var json = """{"event":"deliv\u0065red","timestamp":1,"message_token":2,"user_id":"u"}"""u8;

        var callback = Assert.IsType<DeliveredCallback>(ViberJson.DeserializeCallback(json));

        Assert.Same(DeliveredCallback.EventName, callback.Event);
    }

    [Fact]
    public void An_unknown_event_and_message_type_are_read_as_they_are()
    {
        var callback = Assert.IsType<UnknownCallback>(ViberJson.DeserializeCallback("""{"event":"typing","timestamp":1}"""u8));
        var message = Assert.IsType<UnknownMessage>(ViberJson.DeserializeMessage("""{"type":"poll","text":"?"}"""u8));

        Assert.Equal("typing", callback.Event);
        Assert.Equal("poll", message.Type);
    }

    [Fact]
    public void An_event_that_is_not_a_string_is_a_JsonException_naming_it()
    {
        var exception = Assert.Throws<JsonException>(() => ViberJson.DeserializeCallback("""{"event":5,"timestamp":1}"""u8.ToArray()));

        Assert.Equal("$.event", exception.Path);
    }

    [Fact]
    public void A_message_type_is_written_as_it_is()
    {
        var json = Encoding.UTF8.GetString(ViberJson.SerializeMessage(new TextMessage { Receiver = "u", Text = "hi" }));

        Assert.Contains("\"type\":\"text\"", json, StringComparison.Ordinal);
    }
}
