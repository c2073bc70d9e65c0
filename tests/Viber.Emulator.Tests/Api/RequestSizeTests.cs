using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Api.Validation;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Api;

/// <summary>
/// The client and the emulator count Viber's 30 KB limit the same way: on the UTF-8 bytes the client writes
/// (non-ASCII unescaped), so neither refuses what the other accepts.
/// </summary>
public sealed class RequestSizeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string?> NonAsciiMessages => new()
    {
        // 14 KB as UTF-8, 42 KB escaped as \uXXXX.
        { new string('ж', 7000), null },

        // Just under 30 KB as UTF-8 (21,000 + 8,192 bytes of text), over 65 KB escaped.
        { new string('中', 7000), new string('ж', 4096) },
    };

    [Theory]
    [MemberData(nameof(NonAsciiMessages))]
    public async Task A_message_the_client_accepts_the_emulator_accepts_too(string text, string? trackingData)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        using var client = new ViberBotClient(harness.Http, new ViberBotClientOptions { AuthToken = EmulatorHarness.Token, BaseAddress = harness.Http.BaseAddress! });
        var message = new TextMessage { Receiver = user.Id, Sender = new ViberSender("Bot"), Text = text, TrackingData = trackingData };

        var response = await client.SendMessageAsync(message, Ct);

        var delivered = Assert.Single(user.Messages);
        Assert.Equal(response.MessageToken, delivered.MessageToken);
        Assert.Equal(text, delivered.Text);
        Assert.Equal(trackingData, delivered.Message.TrackingData);
        Assert.True(Encoding.UTF8.GetByteCount(delivered.Json) <= ViberMessageValidator.MaxRequestBytes);
    }

    [Fact]
    public async Task Both_refuse_the_same_request_escaped_because_the_escapes_count()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        var message = new TextMessage { Receiver = user.Id, Sender = new ViberSender("Bot"), Text = new string('ж', 7000) };
        var escaped = JsonSerializer.Serialize(message, new JsonSerializerOptions(ViberJson.Options) { Encoder = JavaScriptEncoder.Default }.GetTypeInfo(typeof(TextMessage)));

        var answer = await harness.CallAsync(ViberApiMethods.SendMessage, escaped);

        Assert.Throws<ViberValidationException>(() => ViberMessageValidator.ValidateRequestSize(Encoding.UTF8.GetByteCount(escaped)));
        Assert.Equal(ViberStatus.BadData, answer.Status);
        Assert.Contains("30 KB", answer.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(user.Messages);
    }

    [Fact]
    public async Task A_broadcast_is_stored_as_the_client_writes_it_not_escaped()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync("Олена");
        var request = new JsonObject
        {
            ["broadcast_list"] = new JsonArray(JsonValue.Create(user.Id)),
            ["type"] = "text",
            ["text"] = "Привіт, replace_me_with_user_name",
            ["sender"] = Requests.Sender,
        };

        Assert.Equal(ViberStatus.Ok, (await harness.CallAsync(ViberApiMethods.BroadcastMessage, request)).Status);

        Assert.Contains("Привіт, Олена", Assert.Single(user.Messages).Json, StringComparison.Ordinal);
    }
}
