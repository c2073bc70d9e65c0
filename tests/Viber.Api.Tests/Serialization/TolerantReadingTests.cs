using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Serialization;

/// <summary>Tolerant on input, strict on output: what Viber adds later must not break a bot.</summary>
public sealed class TolerantReadingTests
{
    [Fact]
    public void An_unknown_event_becomes_UnknownCallback_keeping_every_field()
    {
        var json = """{"event":"brand_new_event","timestamp":1457764197627,"message_token":4912661846655238145,"payload":{"a":[1,2]},"flag":true}"""u8;

        var callback = Assert.IsType<UnknownCallback>(ViberJson.DeserializeCallback(json));

        Assert.Equal("brand_new_event", callback.Event);
        Assert.Equal(4912661846655238145, callback.MessageToken);
        Assert.Equal(JsonValueKind.Object, callback.RawJson!.Value.GetProperty("payload").ValueKind);
        JsonAssert.Equivalent(json, ViberJson.SerializeCallback(callback));
    }

    [Fact]
    public void The_event_may_stand_anywhere_in_the_object()
    {
        var json = """{"timestamp":1,"user_id":"u","message_token":7,"event":"seen"}"""u8;

        var seen = Assert.IsType<SeenCallback>(ViberJson.DeserializeCallback(json));

        Assert.Equal("u", seen.UserId);
        Assert.Equal(7, seen.MessageToken);
    }

    [Fact]
    public void An_unknown_message_type_becomes_UnknownMessage_and_round_trips()
    {
        var json = """{"event":"message","timestamp":1,"message_token":2,"sender":{"id":"u"},"message":{"type":"hologram","media":"https://x/y.holo","depth":3}}"""u8;

        var callback = Assert.IsType<MessageCallback>(ViberJson.DeserializeCallback(json));

        var message = Assert.IsType<UnknownMessage>(callback.Message);
        Assert.Equal("hologram", message.Type);
        Assert.Equal(3, message.RawJson!.Value.GetProperty("depth").GetInt32());
        JsonAssert.Equivalent(json, ViberJson.SerializeCallback(callback));
    }

    [Fact]
    public void Unknown_fields_and_enum_values_survive_a_round_trip()
    {
        var json = """
            {"type":"text","text":"hi","new_top_level":{"x":1},
             "keyboard":{"Type":"keyboard","InputFieldState":"floating","NewKeyboardField":5,
               "Buttons":[{"ActionType":"teleport","ActionBody":"b","TextSize":"huge","NewButtonField":"z","Frame":{"BorderWidth":1,"Glow":true}}]}}
            """u8;

        var message = Assert.IsType<TextMessage>(ViberJson.DeserializeMessage(json));
        var button = message.Keyboard!.Buttons[0];

        Assert.Equal("teleport", button.ActionType!.Value.Value);
        Assert.False(button.ActionType.Value.IsKnown);
        Assert.Equal(new TextSize("huge"), button.TextSize);
        Assert.Equal("floating", message.Keyboard.InputFieldState!.Value.Value);
        Assert.True(button.ExtensionData!.ContainsKey("NewButtonField"));
        JsonAssert.Equivalent(json, ViberJson.SerializeMessage(message));
    }

    [Fact]
    public void Numbers_that_arrive_as_strings_are_accepted_and_written_as_numbers()
    {
        var json = """{"event":"message","timestamp":"1457764197627","message_token":"4912661846655238145","sender":{"id":"u","api_version":"7"},"message":{"type":"location","location":{"lat":"50.76891","lon":"6.11499"}}}"""u8;

        var callback = Assert.IsType<MessageCallback>(ViberJson.DeserializeCallback(json));
        var written = JsonAssert.Parse(ViberJson.SerializeCallback(callback));

        Assert.Equal(4912661846655238145, callback.MessageToken);
        Assert.Equal(7, callback.Sender!.ApiVersion);
        Assert.Equal(50.76891, Assert.IsType<LocationMessage>(callback.Message).Location!.Latitude);
        Assert.Equal(JsonValueKind.Number, written.GetProperty("message_token").ValueKind);
        Assert.Equal("4912661846655238145", written.GetProperty("message_token").GetRawText());
    }

    [Fact]
    public void A_response_without_status_message_is_fine_and_unknown_status_codes_are_kept()
    {
        var response = JsonSerializer.Deserialize("""{"status":99,"message_token":1}"""u8, ViberJson.Context.SendMessageResponse)!;

        Assert.Null(response.StatusMessage);
        Assert.Equal(99, (int)response.Status);
        Assert.False(response.Status.IsDocumented());
        Assert.Contains("generalError", new ViberApiException("send_message", response.Status, null).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_documented_status_code_has_a_name()
    {
        for (var code = 0; code <= 24; code++)
        {
            Assert.True(Enum.IsDefined((ViberStatus)code), $"status {code}");
            Assert.True(((ViberStatus)code).IsDocumented());
        }

        Assert.Equal(ViberStatus.TooManyRequests, (ViberStatus)12);
        Assert.True(ViberStatus.TooManyRequests.IsTransient());
    }

    [Fact]
    public void A_keyboard_only_message_has_no_type_on_the_wire()
    {
        var message = new KeyboardMessage { Receiver = "u", Keyboard = new Keyboard { Buttons = [new Button { ActionBody = "a", Text = "A" }] } };

        var written = JsonAssert.Parse(ViberJson.SerializeMessage(message));

        Assert.False(written.TryGetProperty("type", out _));
        Assert.IsType<KeyboardMessage>(ViberJson.DeserializeMessage(ViberJson.SerializeMessage(message)));
    }

    [Fact]
    public void Invalid_json_is_a_JsonException()
    {
        Assert.ThrowsAny<JsonException>(() => ViberJson.DeserializeCallback("{\"event\":"u8));
        Assert.ThrowsAny<JsonException>(() => ViberJson.DeserializeCallback("[1,2]"u8));
        Assert.ThrowsAny<JsonException>(() => ViberJson.DeserializeCallback("null"u8));
    }
}
