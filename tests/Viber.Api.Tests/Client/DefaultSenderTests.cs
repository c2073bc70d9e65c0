using System.Text.Json;
using Viber.Api.Client;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class DefaultSenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_without_sender_is_sent_with_the_default_sender_and_left_unchanged()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var message = TestClient.Text();

        await TestClient.Create(handler).SendMessageAsync(message, Ct);

        var sender = handler.Requests[0].Json.GetProperty("sender");
        Assert.Equal("Default Bot", sender.GetProperty("name").GetString());
        Assert.Equal("https://example.com/bot.png", sender.GetProperty("avatar").GetString());
        Assert.Null(message.Sender);
        JsonAssert.Equivalent("""{"receiver":"user-1","type":"text","text":"Hello","sender":{"name":"Default Bot","avatar":"https://example.com/bot.png"}}"""u8, handler.Requests[0].Body);
    }

    [Fact]
    public async Task A_message_with_its_own_sender_keeps_it()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var message = TestClient.Text();
        message.Sender = new ViberSender("Own");

        await TestClient.Create(handler).SendMessageAsync(message, Ct);

        var json = handler.Requests[0].Json;
        Assert.Equal("Own", json.GetProperty("sender").GetProperty("name").GetString());
        Assert.Single(json.EnumerateObject(), p => p.Name == "sender");
    }

    [Fact]
    public async Task Without_any_sender_the_message_is_rejected_before_sending()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        var ex = await Assert.ThrowsAsync<ViberValidationException>(
            () => TestClient.Create(handler, o => o.DefaultSender = null).SendMessageAsync(TestClient.Text(), Ct));

        Assert.Equal("sender", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_broadcast_message_gets_the_default_sender_and_is_left_unchanged()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var message = TestClient.Text(receiver: null);

        await TestClient.Create(handler).BroadcastMessageAsync(message, ["a", "b"], Ct);

        JsonAssert.Equivalent(
            """{"type":"text","text":"Hello","sender":{"name":"Default Bot","avatar":"https://example.com/bot.png"},"broadcast_list":["a","b"]}"""u8,
            handler.Requests[0].Body);
        Assert.Null(message.Sender);
        Assert.Null(message.ExtensionData);
    }

    [Fact]
    public void A_welcome_message_is_the_send_message_shape_without_receiver()
    {
        var message = new TextMessage { Text = "Hello World" };

        var body = ViberMessageSerializer.SerializeWelcomeMessage(message, new ViberSender("Viber Bot", "http://avatar.example.com"));

        JsonAssert.Equivalent(Fixtures.Read("welcome_message_response_body.json"), body);
        Assert.Null(message.Sender);
    }

    [Fact]
    public void A_keyboard_message_with_no_properties_but_the_keyboard_gets_a_sender()
    {
        var message = new KeyboardMessage { Keyboard = new Keyboard { Buttons = [new Button { ActionBody = "a", Text = "A" }] } };

        var body = ViberMessageSerializer.SerializeWelcomeMessage(message, new ViberSender("Bot"));

        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Bot", json.GetProperty("sender").GetProperty("name").GetString());
        Assert.Equal("a", json.GetProperty("keyboard").GetProperty("Buttons")[0].GetProperty("ActionBody").GetString());
    }

    [Fact]
    public void A_sender_in_extension_data_is_not_written_twice()
    {
        var message = new TextMessage { Text = "hi" };
        message.ExtensionData = new Dictionary<string, JsonElement> { ["sender"] = JsonDocument.Parse("""{"name":"Raw"}""").RootElement };

        var body = ViberMessageSerializer.SerializeWelcomeMessage(message, new ViberSender("Default"));

        var json = JsonDocument.Parse(body).RootElement;
        Assert.Single(json.EnumerateObject(), p => p.Name == "sender");
        Assert.Equal("Raw", json.GetProperty("sender").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unset_min_api_version_is_filled_from_the_features_used_and_the_message_left_unchanged()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        var message = TestClient.Text();
        message.Keyboard = new Keyboard { InputFieldState = InputFieldState.Hidden, Buttons = [new Button { ActionBody = "a", Text = "A" }] };

        await TestClient.Create(handler).SendMessageAsync(message, Ct);

        Assert.Equal(4, handler.Requests[0].Json.GetProperty("min_api_version").GetInt32());
        Assert.Null(message.MinApiVersion);
    }

    [Fact]
    public async Task A_plain_message_gets_no_min_api_version()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());

        await TestClient.Create(handler).SendMessageAsync(TestClient.Text(), Ct);

        Assert.False(handler.Requests[0].Json.TryGetProperty("min_api_version", out _));
    }
}
