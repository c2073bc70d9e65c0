using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Serialization;

namespace Viber.Api.Tests.Serialization;

/// <summary>
/// Callbacks and messages are read in place by their own type's converter (one walk less over the JSON than the
/// serializer's public entry); what that entry gave must hold: the reader left on the value's end, and errors
/// that name the field.
/// </summary>
public sealed class InPlaceReadingTests
{
    [Fact]
    public void Fields_after_a_nested_message_are_read_too()
    {
        var json = """{"event":"message","message":{"type":"text","text":"hi","tracking_data":"t"},"timestamp":5,"message_token":9,"sender":{"id":"u"}}"""u8;

        var callback = Assert.IsType<MessageCallback>(ViberJson.DeserializeCallback(json));

        Assert.Equal("hi", Assert.IsType<TextMessage>(callback.Message).Text);
        Assert.Equal(5, callback.Timestamp);
        Assert.Equal(9, callback.MessageToken);
        Assert.Equal("u", callback.Sender!.Id);
    }

    [Fact]
    public void A_callback_field_of_the_wrong_type_is_a_JsonException_naming_the_field()
    {
        var json = """{"event":"seen","timestamp":1,"message_token":7,"user_id":["u"]}"""u8.ToArray();

        var exception = Assert.Throws<JsonException>(() => ViberJson.DeserializeCallback(json));

        Assert.Equal("$.user_id", exception.Path);
    }

    [Fact]
    public void A_message_field_of_the_wrong_type_is_a_JsonException_naming_the_field()
    {
        var json = """{"type":"text","text":"hi","tracking_data":5}"""u8.ToArray();

        var exception = Assert.Throws<JsonException>(() => ViberJson.DeserializeMessage(json));

        Assert.Equal("$.tracking_data", exception.Path);
    }

    [Fact]
    public void A_wrong_type_inside_a_callback_message_is_a_JsonException_naming_the_field()
    {
        var json = """{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"text","text":5}}"""u8.ToArray();

        var exception = Assert.Throws<JsonException>(() => ViberJson.DeserializeCallback(json));

        Assert.EndsWith(".text", exception.Path, StringComparison.Ordinal);
    }
}
