using System.Text;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Api.Validation;

namespace Viber.Api.Tests.Serialization;

public sealed class EncodingTests
{
    [Fact]
    public void Non_ascii_text_is_written_as_utf8_not_escaped()
    {
        var bytes = ViberJson.SerializeMessage(new TextMessage { Text = "Привіт <b>&" });

        Assert.Contains("Привіт <b>&", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("""{"type":"text","text":"Привіт <b>&"}""".Length + "Привіт".Length, bytes.Length);
    }

    [Fact]
    public void A_7000_character_cyrillic_text_fits_the_30_KB_request_limit()
    {
        var message = new TextMessage { Receiver = "u", Sender = new ViberSender("Bot"), Text = new string('ж', 7000) };

        var bytes = ViberJson.SerializeMessage(message);

        ViberMessageValidator.ValidateRequestSize(bytes.Length);
        Assert.Equal(message.Text, ((TextMessage)ViberJson.DeserializeMessage(bytes)).Text);
    }

    [Fact]
    public void Emoji_round_trip_intact()
    {
        var message = new TextMessage { Text = "hi 👋🏽 ok" };

        Assert.Equal(message.Text, ((TextMessage)ViberJson.DeserializeMessage(ViberJson.SerializeMessage(message))).Text);
    }

    [Fact]
    public void Quotes_and_control_characters_are_still_escaped()
    {
        var json = Encoding.UTF8.GetString(ViberJson.SerializeMessage(new TextMessage { Text = "a\"b\n\\" }));

        Assert.Contains("a\\\"b\\n\\\\", json, StringComparison.Ordinal);
    }
}
