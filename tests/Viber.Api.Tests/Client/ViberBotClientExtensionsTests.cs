using System.Text.Json;
using Viber.Api.Keyboards;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class ViberBotClientExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Keyboard Keyboard => new() { Buttons = [new Button { ActionBody = "yes", Text = "Yes" }] };

    [Fact]
    public async Task SendTextMessage_sends_text_keyboard_and_tracking_data()
    {
        var (client, handler) = Create();

        await client.SendTextMessageAsync("user-1", "Hello", Keyboard, "step-1", Ct);

        var json = handler.Requests[0].Json;
        Assert.Equal("user-1", json.GetProperty("receiver").GetString());
        Assert.Equal("text", json.GetProperty("type").GetString());
        Assert.Equal("Hello", json.GetProperty("text").GetString());
        Assert.Equal("step-1", json.GetProperty("tracking_data").GetString());
        Assert.Equal("yes", json.GetProperty("keyboard").GetProperty("Buttons")[0].GetProperty("ActionBody").GetString());
        Assert.Equal("Default Bot", json.GetProperty("sender").GetProperty("name").GetString());
    }

    [Fact]
    public async Task SendPictureMessage_sends_media_text_and_thumbnail()
    {
        var (client, handler) = Create();

        await client.SendPictureMessageAsync("user-1", "https://example.com/a.jpg", "", "https://example.com/t.jpg", cancellationToken: Ct);

        JsonAssert.Equivalent(
            """{"receiver":"user-1","type":"picture","text":"","media":"https://example.com/a.jpg","thumbnail":"https://example.com/t.jpg","sender":{"name":"Default Bot","avatar":"https://example.com/bot.png"}}"""u8,
            handler.Requests[0].Body);
    }

    [Fact]
    public async Task SendUrl_sticker_and_location_messages_have_their_fields()
    {
        var (client, handler) = Create();

        await client.SendUrlMessageAsync("u", "https://example.com", cancellationToken: Ct);
        await client.SendStickerMessageAsync("u", 46105, cancellationToken: Ct);
        await client.SendLocationMessageAsync("u", 48.5, 2.25, cancellationToken: Ct);

        Assert.Equal("https://example.com", handler.Requests[0].Json.GetProperty("media").GetString());
        Assert.Equal(46105, handler.Requests[1].Json.GetProperty("sticker_id").GetInt64());
        var location = handler.Requests[2].Json.GetProperty("location");
        Assert.Equal((48.5, 2.25), (location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble()));
    }

    [Fact]
    public async Task SendKeyboard_sends_a_keyboard_without_type()
    {
        var (client, handler) = Create();

        await client.SendKeyboardAsync("user-1", Keyboard, cancellationToken: Ct);

        var json = handler.Requests[0].Json;
        Assert.False(json.TryGetProperty("type", out _));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("keyboard").ValueKind);
    }

    [Fact]
    public async Task BroadcastTextMessage_broadcasts_to_the_receivers()
    {
        var (client, handler) = Create();

        var result = await client.BroadcastTextMessageAsync(["a", "b"], "Hi", cancellationToken: Ct);

        Assert.Equal(["a", "b"], handler.Requests[0].StringArray("broadcast_list"));
        Assert.Equal("Hi", handler.Requests[0].Json.GetProperty("text").GetString());
        Assert.True(result.AllSucceeded);
    }

    private static (ViberBotClient Client, RecordingHandler Handler) Create()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.SendOk());
        return (TestClient.Create(handler), handler);
    }
}
