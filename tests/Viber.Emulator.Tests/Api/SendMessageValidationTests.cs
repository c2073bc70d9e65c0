using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Api;

/// <summary>send_message's documented rules: a missing required field answers 4, a wrong value 3.</summary>
public sealed class SendMessageValidationTests
{
    private const string Sender = "\"sender\":{\"name\":\"Bot\"}";

    public static TheoryData<string> DocumentedRequests => [.. Fixtures.Names("request_send_message_")];

    public static TheoryData<string, string, ViberStatus> Cases => new()
    {
        { "type missing", $"{{{Sender},\"text\":\"hi\"}}", ViberStatus.MissingData },
        { "type unknown", $"{{{Sender},\"type\":\"carousel\",\"text\":\"hi\"}}", ViberStatus.BadData },
        { "sender missing", "{\"type\":\"text\",\"text\":\"hi\"}", ViberStatus.MissingData },
        { "sender.name missing", "{\"sender\":{\"avatar\":\"https://a.example/a.png\"},\"type\":\"text\",\"text\":\"hi\"}", ViberStatus.MissingData },
        { "sender.name 29 chars", $"{{\"sender\":{{\"name\":\"{new string('n', 29)}\"}},\"type\":\"text\",\"text\":\"hi\"}}", ViberStatus.BadData },
        { "sender.name 28 chars", $"{{\"sender\":{{\"name\":\"{new string('n', 28)}\"}},\"type\":\"text\",\"text\":\"hi\"}}", ViberStatus.Ok },
        { "tracking_data 4097 chars", $"{{{Sender},\"type\":\"text\",\"text\":\"hi\",\"tracking_data\":\"{new string('t', 4097)}\"}}", ViberStatus.BadData },
        { "min_api_version 0", $"{{{Sender},\"type\":\"text\",\"text\":\"hi\",\"min_api_version\":0}}", ViberStatus.BadData },
        { "text missing", $"{{{Sender},\"type\":\"text\"}}", ViberStatus.MissingData },
        { "text empty", $"{{{Sender},\"type\":\"text\",\"text\":\"\"}}", ViberStatus.MissingData },
        { "text a number", $"{{{Sender},\"type\":\"text\",\"text\":42}}", ViberStatus.BadData },
        { "text 7001 chars", $"{{{Sender},\"type\":\"text\",\"text\":\"{new string('x', 7001)}\"}}", ViberStatus.BadData },
        { "text 7000 chars", $"{{{Sender},\"type\":\"text\",\"text\":\"{new string('x', 7000)}\"}}", ViberStatus.Ok },
        { "picture media missing", $"{{{Sender},\"type\":\"picture\",\"text\":\"\"}}", ViberStatus.MissingData },
        { "picture text missing", $"{{{Sender},\"type\":\"picture\",\"media\":\"https://m.example/p.png\"}}", ViberStatus.MissingData },
        { "picture empty text", $"{{{Sender},\"type\":\"picture\",\"text\":\"\",\"media\":\"https://m.example/p.png\"}}", ViberStatus.Ok },
        { "picture .bmp", $"{{{Sender},\"type\":\"picture\",\"text\":\"\",\"media\":\"https://m.example/p.bmp\"}}", ViberStatus.BadData },
        { "picture text 769 chars", $"{{{Sender},\"type\":\"picture\",\"text\":\"{new string('x', 769)}\",\"media\":\"https://m.example/p.gif\"}}", ViberStatus.BadData },
        { "video size missing", $"{{{Sender},\"type\":\"video\",\"media\":\"https://m.example/v.mp4\"}}", ViberStatus.MissingData },
        { "video .avi", $"{{{Sender},\"type\":\"video\",\"media\":\"https://m.example/v.avi\",\"size\":100}}", ViberStatus.BadData },
        { "video 181 s", $"{{{Sender},\"type\":\"video\",\"media\":\"https://m.example/v.mp4\",\"size\":100,\"duration\":181}}", ViberStatus.BadData },
        { "video over 26 MB", $"{{{Sender},\"type\":\"video\",\"media\":\"https://m.example/v.mp4\",\"size\":27262977}}", ViberStatus.BadData },
        { "file name missing", $"{{{Sender},\"type\":\"file\",\"media\":\"https://m.example/f.pdf\",\"size\":100}}", ViberStatus.MissingData },
        { "file .exe", $"{{{Sender},\"type\":\"file\",\"media\":\"https://m.example/f.exe\",\"size\":100,\"file_name\":\"setup.EXE\"}}", ViberStatus.BadData },
        { "file name 257 chars", $"{{{Sender},\"type\":\"file\",\"media\":\"https://m.example/f.pdf\",\"size\":100,\"file_name\":\"{new string('f', 253)}.pdf\"}}", ViberStatus.BadData },
        { "file over 50 MB", $"{{{Sender},\"type\":\"file\",\"media\":\"https://m.example/f.pdf\",\"size\":52428801,\"file_name\":\"f.pdf\"}}", ViberStatus.BadData },
        { "contact phone missing", $"{{{Sender},\"type\":\"contact\",\"contact\":{{\"name\":\"Ann\"}}}}", ViberStatus.MissingData },
        { "contact phone 19 chars", $"{{{Sender},\"type\":\"contact\",\"contact\":{{\"name\":\"Ann\",\"phone_number\":\"+{new string('1', 18)}\"}}}}", ViberStatus.BadData },
        { "location lon missing", $"{{{Sender},\"type\":\"location\",\"location\":{{\"lat\":50.1}}}}", ViberStatus.MissingData },
        { "location lat 91", $"{{{Sender},\"type\":\"location\",\"location\":{{\"lat\":91,\"lon\":10}}}}", ViberStatus.BadData },
        { "location as strings", $"{{{Sender},\"type\":\"location\",\"location\":{{\"lat\":\"37.7898\",\"lon\":\"-122.3942\"}}}}", ViberStatus.Ok },
        { "url media missing", $"{{{Sender},\"type\":\"url\"}}", ViberStatus.MissingData },
        { "url 2001 chars", $"{{{Sender},\"type\":\"url\",\"media\":\"https://e.example/{new string('u', 1983)}\"}}", ViberStatus.BadData },
        { "sticker id missing", $"{{{Sender},\"type\":\"sticker\"}}", ViberStatus.MissingData },
        { "rich_media missing", $"{{{Sender},\"type\":\"rich_media\"}}", ViberStatus.MissingData },
        { "rich_media 7 columns", $"{{{Sender},\"type\":\"rich_media\",\"rich_media\":{{\"Type\":\"rich_media\",\"ButtonsGroupColumns\":7,\"Buttons\":[{{\"ActionBody\":\"a\"}}]}}}}", ViberStatus.BadData },
        { "rich_media too many buttons", $"{{{Sender},\"type\":\"rich_media\",\"rich_media\":{{\"Type\":\"rich_media\",\"ButtonsGroupColumns\":1,\"ButtonsGroupRows\":1,\"Buttons\":[{string.Join(',', Enumerable.Repeat("{\"ActionBody\":\"a\"}", 7))}]}}}}", ViberStatus.BadData },
        { "keyboard without Type", $"{{{Sender},\"type\":\"text\",\"text\":\"hi\",\"keyboard\":{{\"Buttons\":[{{\"ActionBody\":\"a\",\"Text\":\"A\"}}]}}}}", ViberStatus.BadData },
        { "keyboard without buttons", $"{{{Sender},\"type\":\"text\",\"text\":\"hi\",\"keyboard\":{{\"Type\":\"keyboard\",\"Buttons\":[]}}}}", ViberStatus.MissingData },
        { "keyboard only", $"{{{Sender},\"keyboard\":{{\"Type\":\"keyboard\",\"Buttons\":[{{\"ActionBody\":\"a\",\"Text\":\"A\"}}]}}}}", ViberStatus.Ok },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rule(string name, string message, ViberStatus expected)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var body = JsonNode.Parse(message)!.AsObject();
        body["receiver"] = user.Id;

        var answer = await harness.CallAsync(ViberApiMethods.SendMessage, body);

        Assert.True(expected == answer.Status, $"{name}: expected {expected}, got {answer}");
        Assert.Equal(expected == ViberStatus.Ok ? 1 : 0, user.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(DocumentedRequests))]
    public async Task Every_documented_request_is_accepted(string fixture)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var body = Fixtures.ReadJson(fixture);
        body["receiver"] = user.Id;

        var answer = await harness.CallAsync(ViberApiMethods.SendMessage, body);

        Assert.Equal(ViberStatus.Ok, answer.Status);
        Assert.Equal(Conversations.DeliveryState.Delivered, Assert.Single(user.Messages).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"receiver\":")]
    public async Task A_body_that_is_not_a_JSON_object_gets_3(string body)
        => Assert.Equal(ViberStatus.BadData, await EmulatorHarness.StatusOfAsync(ViberApiMethods.SendMessage, body));

    [Fact]
    public async Task A_missing_receiver_gets_4()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.SendTextAsync(null, "hi");

        Assert.Equal(ViberStatus.MissingData, answer.Status);
        Assert.Contains("receiver", answer.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_30_KB_limit_is_checked_on_the_raw_request_bytes()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var json = Requests.Text(user.Id, "hi").ToJsonString();
        var padding = new string(' ', 30 * 1024 - json.Length);

        // Whitespace counts: the same message is fine at exactly 30 KB and refused one byte over.
        var atLimit = await harness.CallAsync(ViberApiMethods.SendMessage, json.Insert(1, padding));
        var overLimit = await harness.CallAsync(ViberApiMethods.SendMessage, json.Insert(1, padding + " "));

        Assert.Equal(ViberStatus.Ok, atLimit.Status);
        Assert.Equal(ViberStatus.BadData, overLimit.Status);
        Assert.Contains("30 KB", overLimit.StatusMessage, StringComparison.Ordinal);
        Assert.Single(user.Messages);
    }
}
