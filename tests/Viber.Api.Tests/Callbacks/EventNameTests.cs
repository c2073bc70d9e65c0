using System.Reflection;
using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;

namespace Viber.Api.Tests.Callbacks;

/// <summary>
/// Each event name is written once, as its callback's EventName; the <see cref="ViberEventType"/> values, the
/// subscribable set and the converter are derived from those constants and must not drift from them.
/// </summary>
public sealed class EventNameTests
{
    private static IEnumerable<(Type Type, string Name)> EventNames
        => typeof(ViberCallback).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ViberCallback)) && t != typeof(UnknownCallback))
            .Select(t => (t, (string)t.GetField("EventName")!.GetRawConstantValue()!));

    [Fact]
    public void Every_known_callback_type_has_an_event_name_and_uses_it()
        => Assert.All(EventNames, e => Assert.Equal(e.Name, ((ViberCallback)Activator.CreateInstance(e.Type)!).Event));

    [Fact]
    public void ViberEventType_has_a_value_for_every_callback_type_and_no_other()
    {
        var values = typeof(ViberEventType).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ViberEventType))
            .Select(p => ((ViberEventType)p.GetValue(null)!).Value);

        Assert.Equal(EventNames.Select(e => e.Name).Order(), values.Order());
        Assert.All(EventNames, e => Assert.True(new ViberEventType(e.Name).IsKnown, e.Name));
        Assert.False(new ViberEventType("typing").IsKnown);
    }

    [Fact]
    public void The_subscribable_events_are_the_documented_event_types_values()
    {
        // Viber REST Bot API documentation, set_webhook event_types: "Possible values".
        Assert.Equal(
            ["conversation_started", "delivered", "failed", "message", "seen", "subscribed", "unsubscribed"],
            ViberEventType.Subscribable.Select(e => e.Value).Order());
        Assert.All(ViberEventType.Subscribable, e => Assert.True(e.IsKnown && e.IsSubscribable, e.Value));
        Assert.False(ViberEventType.Webhook.IsSubscribable);
        Assert.False(ViberEventType.ClientStatus.IsSubscribable);
        Assert.False(new ViberEventType("typing").IsSubscribable);
    }

    [Fact]
    public void The_converter_reads_every_event_name_as_its_callback_type()
        => Assert.All(EventNames, e => Assert.IsType(e.Type, ViberJson.DeserializeCallback(JsonSerializer.SerializeToUtf8Bytes(new { @event = e.Name }))));
}
