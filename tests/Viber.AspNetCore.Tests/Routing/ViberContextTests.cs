using Viber.Api.Messages;
using Viber.Testing;

namespace Viber.AspNetCore.Tests.Routing;

/// <summary>The reply context on its own: which user a callback is about, and what a reply fills in.</summary>
public sealed class ViberContextTests
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    [Fact]
    public void The_user_is_the_profile_the_callback_carries_or_just_its_id()
    {
        using var client = new RecordingViberBotClient();

        var message = new ViberContext(Callbacks.Text("hi", userId: "u-1"), client, NoServices);
        var delivered = new ViberContext(Callbacks.Delivered(1, userId: "u-2"), client, NoServices);
        var webhook = new ViberContext(Callbacks.Webhook(), client, NoServices);

        Assert.Equal(("u-1", "en", "UK", 10), (message.User?.Id, message.User?.Language, message.User?.Country, message.User?.ApiVersion));
        Assert.Equal("u-2", delivered.UserId);
        Assert.Null(delivered.User?.Name);
        Assert.Null(webhook.User);
        Assert.Equal(ViberContext.DefaultBotName, message.BotName);
    }

    [Fact]
    public async Task A_reply_to_a_callback_without_a_user_says_so()
    {
        using var client = new RecordingViberBotClient();
        var context = new ViberContext(Callbacks.Webhook(), client, NoServices);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.ReplyAsync("hi"));

        Assert.Contains("'webhook' callback names no user", error.Message, StringComparison.Ordinal);
        Assert.Empty(client.Sent);
    }

    [Fact]
    public async Task A_reply_keeps_its_own_sender_and_tracking_data_and_gets_a_copy_of_the_default_sender()
    {
        using var client = new RecordingViberBotClient();
        var defaultSender = new ViberSender("Default", "https://example.com/a.png");
        var context = new ViberContext(Callbacks.Text("hi"), client, NoServices, defaultSender) { ReplyTrackingData = "step-2" };

        await context.ReplyAsync(new TextMessage { Text = "own", Sender = new ViberSender("Own"), TrackingData = "mine", Receiver = "someone-else" });
        await context.ReplyAsync("default");

        var (own, filled) = (client.Sent.First(), client.Sent.Last());
        Assert.Equal(("Own", "mine", "user-1"), (own.Sender?.Name, own.TrackingData, own.Receiver));
        Assert.Equal(("Default", "https://example.com/a.png", "step-2"), (filled.Sender?.Name, filled.Sender?.Avatar, filled.TrackingData));
        Assert.NotSame(defaultSender, filled.Sender);
    }

    [Fact]
    public void A_capture_that_was_not_made_names_the_ones_that_were()
    {
        using var client = new RecordingViberBotClient();
        var context = new ViberMessageContext(Callbacks.Text("buy:1"), client, NoServices, new Dictionary<string, string> { ["sku"] = "1" });

        var error = Assert.Throws<KeyNotFoundException>(() => context["id"]);

        Assert.Equal("1", context["sku"]);
        Assert.Contains("captured: sku", error.Message, StringComparison.Ordinal);
        Assert.Equal("buy:1", context.Text);
    }
}
