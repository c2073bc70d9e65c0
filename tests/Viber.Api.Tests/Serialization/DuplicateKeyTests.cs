using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Serialization;

namespace Viber.Api.Tests.Serialization;

/// <summary>
/// A key that appears twice is refused: the converter's peek (first key) and the model (last key) would otherwise
/// read different values, so a body could be dispatched as one event while claiming another.
/// </summary>
public sealed class DuplicateKeyTests
{
    public static TheoryData<string> Bodies => new()
    {
        """{"event":"webhook","event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"text","text":"hi"}}""",
        """{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"text","text":"hi"},"event":"webhook"}""",
        """{"event":"brand_new","event":"other","timestamp":1}""",
        """{"event":"brand_new","timestamp":1,"timestamp":2}""",
        """{"event":"brand_new","payload":{"a":1,"a":2}}""",
        """{"event":"seen","timestamp":1,"message_token":2,"message_token":3,"user_id":"u"}""",
        """{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u","id":"v"},"message":{"type":"text","text":"hi"}}""",
        """{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"text","type":"picture","text":"hi"}}""",
        """{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"hologram","depth":1,"depth":2}}""",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_callback_with_a_duplicate_key_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => ViberJson.DeserializeCallback(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"event":"webhook","event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"text","text":"hi"}}""")]
    [InlineData("""{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"text","type":"picture","text":"hi"}}""")]
    public void A_second_event_or_type_is_refused_even_with_options_that_allow_duplicate_keys(string json)
    {
        // The peek stops at the first key only when the serializer refuses the second; these options do not.
        var options = new JsonSerializerOptions(ViberJson.Options) { AllowDuplicateProperties = true };

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, (JsonTypeInfo<ViberCallback>)options.GetTypeInfo(typeof(ViberCallback))));
    }

    [Fact]
    public void A_message_with_a_second_type_is_refused_even_with_options_that_allow_duplicate_keys()
    {
        var options = new JsonSerializerOptions(ViberJson.Options) { AllowDuplicateProperties = true };

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"type":"text","type":"picture","text":"hi","media":"https://x/y.jpg"}""",
            (JsonTypeInfo<ViberMessage>)options.GetTypeInfo(typeof(ViberMessage))));
    }

    [Fact]
    public void The_same_key_in_different_objects_is_not_a_duplicate()
    {
        var json = """{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u","name":"n"},"message":{"type":"text","text":"hi"},"user":{"id":"x","name":"m"}}"""u8;

        Assert.Equal("message", ViberJson.DeserializeCallback(json).Event);
    }
}
