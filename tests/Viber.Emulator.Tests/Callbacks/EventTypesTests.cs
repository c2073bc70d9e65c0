using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Events;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Callbacks;

/// <summary>set_webhook's event_types: message, subscribed and unsubscribed always; omitted = all; [] = mandatory only.</summary>
public sealed class EventTypesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs every kind of callback once and returns the events the webhook received, in order of first arrival.</summary>
    private static async Task<IReadOnlyList<string>> ReceivedEventsAsync(JsonArray? eventTypes)
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);
        await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl, eventTypes));
        var user = harness.Emulator.CreateUser("Ann");
        await user.OpenConversationAsync(cancellationToken: Ct);
        await user.SubscribeAsync(Ct);
        await user.SendTextAsync("hi", Ct);
        await harness.SendTextAsync(user.Id, "hello");
        var bad = Requests.Text(user.Id, "bad keyboard");
        bad["keyboard"] = new JsonObject { ["Type"] = "keyboard", ["Buttons"] = new JsonArray(new JsonObject { ["Columns"] = 7, ["ActionBody"] = "x", ["Text"] = "X" }) };
        await harness.CallAsync(ViberApiMethods.SendMessage, bad);
        await harness.Emulator.WhenIdleAsync(Ct);
        await user.ReadAsync(Ct);
        await user.UnsubscribeAsync(Ct);
        return [.. harness.Webhook.Received.Select(c => c.Event).Where(e => e != "webhook").Distinct().Order()];
    }

    public static TheoryData<string> EventNames
        => new([.. ViberEventType.Subscribable.Select(e => e.Value), ViberEventType.Webhook.Value, ViberEventType.ClientStatus.Value, "typing"]);

    [Theory]
    [MemberData(nameof(EventNames))]
    public async Task Set_webhook_accepts_exactly_the_events_the_client_may_subscribe_to(string eventType)
    {
        var request = Requests.Webhook(EmulatorHarness.WebhookUrl, new JsonArray(JsonValue.Create(eventType)));

        var status = await EmulatorHarness.StatusOfAsync(ViberApiMethods.SetWebhook, request.ToJsonString());

        Assert.Equal(new ViberEventType(eventType).IsSubscribable, status == ViberStatus.Ok);
    }

    [Fact]
    public async Task Omitted_event_types_send_every_event()
        => Assert.Equal(
            ["conversation_started", "delivered", "failed", "message", "seen", "subscribed", "unsubscribed"],
            await ReceivedEventsAsync(null));

    [Fact]
    public async Task Empty_event_types_send_only_the_mandatory_events()
        => Assert.Equal(["message", "subscribed", "unsubscribed"], await ReceivedEventsAsync([]));

    [Fact]
    public async Task Listed_event_types_are_sent_besides_the_mandatory_ones()
        => Assert.Equal(["delivered", "message", "seen", "subscribed", "unsubscribed"], await ReceivedEventsAsync(new JsonArray("delivered", "seen")));

    [Fact]
    public async Task A_filtered_callback_is_reported_as_skipped()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);
        await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl, []));
        var user = harness.Emulator.CreateUser("Ann");

        var result = await user.OpenConversationAsync(cancellationToken: Ct);

        Assert.Equal(CallbackOutcome.FilteredOut, result.Outcome);
        Assert.Equal(0, result.Attempts);
        var skipped = Assert.Single(harness.Emulator.Events.OfType<CallbackSkippedEvent>());
        Assert.Equal("conversation_started", skipped.EventType);
        Assert.Equal(CallbackOutcome.FilteredOut, skipped.Reason);
    }

    [Fact]
    public async Task Without_a_webhook_user_actions_report_no_webhook()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);
        var user = harness.Emulator.CreateUser("Ann");

        var result = await user.SendTextAsync("anyone there?", Ct);

        Assert.Equal(CallbackOutcome.NoWebhook, result.Outcome);
        Assert.Equal(Conversations.DeliveryState.Failed, Assert.Single(user.Conversation).State);
    }
}
