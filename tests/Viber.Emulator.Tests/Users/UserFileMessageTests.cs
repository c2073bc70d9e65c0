using System.Text.Json.Nodes;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Users;

/// <summary>Files a user sends: Viber users share files, and the bot gets them as a <c>file</c> message callback.</summary>
public sealed class UserFileMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_reaches_the_bot_with_the_fields_of_Viber_s_file_callback()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();

        var result = await user.SendFileAsync("https://m.example/doc.pdf", "doc.pdf", 3220, Ct);

        Assert.True(result.IsDelivered);
        var received = Assert.Single(harness.Webhook.Of("message"));
        var file = Assert.IsType<FileMessage>(Assert.IsType<MessageCallback>(received.Callback).Message);
        Assert.Equal(("https://m.example/doc.pdf", "doc.pdf", 3220L, 3220L), (file.Media, file.FileName, file.FileSize, file.Size));

        // Every field of the documented example (tests/fixtures/callback_message_file.json) but the tracking data,
        // which only a bot's earlier message gives.
        var documented = Fixtures.ReadJson("callback_message_file.json")["message"]!.AsObject().Select(p => p.Key).Where(k => k != "tracking_data");
        var sent = JsonNode.Parse(received.Json)!["message"]!.AsObject().Select(p => p.Key);
        Assert.Empty(documented.Except(sent));
    }

    [Fact]
    public async Task A_file_is_a_user_message_in_the_conversation()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();

        await user.SendMessageAsync(new FileMessage { Media = "https://m.example/a.zip", FileName = "a.zip", Size = 10 }, Ct);

        var entry = Assert.Single(user.Conversation);
        Assert.Equal("a.zip", Assert.IsType<FileMessage>(entry.Message).FileName);
    }
}
