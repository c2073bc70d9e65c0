using System.Text.Json.Nodes;

namespace Viber.Emulator.Tests.Support;

/// <summary>Request bodies as a bot would post them, built as JSON so tests can also send what a typed client would refuse.</summary>
internal static class Requests
{
    public static JsonObject Sender => new() { ["name"] = "Test Bot", ["avatar"] = "https://example.com/bot.png" };

    public static JsonObject Text(string? receiver, string text) => new()
    {
        ["receiver"] = receiver,
        ["type"] = "text",
        ["text"] = text,
        ["sender"] = Sender,
    };

    public static JsonObject Keyboard(params string[] actionBodies) => new()
    {
        ["Type"] = "keyboard",
        ["Buttons"] = new JsonArray([.. actionBodies.Select(body => (JsonNode)new JsonObject
        {
            ["Columns"] = 3,
            ["Rows"] = 1,
            ["ActionType"] = "reply",
            ["ActionBody"] = body,
            ["Text"] = "<b>" + body + "</b>",
        })]),
    };

    public static JsonObject Webhook(string url, JsonArray? eventTypes = null, bool? sendName = true, bool? sendPhoto = true)
    {
        var request = new JsonObject { ["url"] = url };
        if (eventTypes is not null)
        {
            request["event_types"] = eventTypes;
        }

        if (sendName is not null)
        {
            request["send_name"] = sendName;
        }

        if (sendPhoto is not null)
        {
            request["send_photo"] = sendPhoto;
        }

        return request;
    }
}
