using System.Text.Json.Nodes;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Api.Validation;

namespace Viber.Api.Tests.Validation;

public sealed class FixtureValidationTests
{
    private const string RichMediaFixture = "request_send_message_rich_media.json";

    public static TheoryData<string> SendMessageFixtures
        => [.. Fixtures.Names("request_send_message_").Where(n => n != RichMediaFixture)];

    [Fact]
    public void Send_message_fixtures_are_found()
        => Assert.Equal(9, SendMessageFixtures.Count); // plus the rich media one, tested on its own below

    [Theory]
    [MemberData(nameof(SendMessageFixtures))]
    public void Documented_send_message_example_passes(string fixture)
        => Expect.Valid(Read(fixture));

    [Fact]
    public void Documented_broadcast_example_passes_as_a_broadcast_only()
    {
        var message = Read("request_broadcast_message.json");

        Expect.Valid(message, ViberMessagePurpose.Broadcast);
        Expect.Invalid(message, "receiver", ViberMessagePurpose.SendMessage);
    }

    [Fact]
    public void Documented_welcome_message_passes_as_a_welcome_message()
        => Expect.Valid(Read("welcome_message_response_body.json"), ViberMessagePurpose.WelcomeMessage);

    [Fact]
    public void Documented_rich_media_example_is_refused_for_its_undocumented_enum_values()
    {
        // The docs' own carousel example uses TextSize "medium" and TextHAlign "middle", neither of which the
        // Button table allows. Input is tolerant (the fixture deserializes); output is strict.
        var json = JsonNode.Parse(Fixtures.Read(RichMediaFixture))!;

        var textSize = Expect.Invalid(Parse(json), "rich_media.Buttons[1].TextSize");
        Assert.Contains("small, regular, large; was 'medium'", textSize.Rule, StringComparison.Ordinal);

        Replace(json, "TextSize", "medium", "regular");
        var textHAlign = Expect.Invalid(Parse(json), "rich_media.Buttons[2].TextHAlign");
        Assert.Contains("left, center, right; was 'middle'", textHAlign.Rule, StringComparison.Ordinal);

        // With both doc bugs corrected the example passes, min_api_version 1 included (rich media's 2 is advisory).
        Replace(json, "TextHAlign", "middle", "center");
        Expect.Valid(Parse(json));
    }

    private static ViberMessage Read(string fixture) => ViberJson.DeserializeMessage(Fixtures.Read(fixture));

    private static ViberMessage Parse(JsonNode json) => ViberJson.DeserializeMessage(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static void Replace(JsonNode json, string property, string from, string to)
    {
        foreach (var button in json["rich_media"]!["Buttons"]!.AsArray())
        {
            if (button![property]?.GetValue<string>() == from)
            {
                button[property] = to;
            }
        }
    }
}
