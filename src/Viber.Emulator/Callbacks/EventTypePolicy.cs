using Viber.Api;
using Viber.Api.Callbacks;

namespace Viber.Emulator.Callbacks;

/// <summary>Viber's rules for set_webhook's <c>event_types</c>.</summary>
internal static class EventTypePolicy
{
    /// <summary>Sent whatever the bot asks for.</summary>
    public static readonly string[] Mandatory = [MessageCallback.EventName, SubscribedCallback.EventName, UnsubscribedCallback.EventName];

    /// <summary>Sent only when the bot asks for them (or omits <c>event_types</c>): the subscribable events that are not mandatory.</summary>
    public static readonly string[] Filterable = [.. ViberEventType.Subscribable.Select(e => e.Value).Except(Mandatory)];

    /// <summary>What set_webhook and get_account_info report when the bot omitted <c>event_types</c> (Viber's documented example).</summary>
    public static readonly string[] ReportedWhenOmitted =
        [DeliveredCallback.EventName, SeenCallback.EventName, FailedCallback.EventName, SubscribedCallback.EventName, UnsubscribedCallback.EventName, ConversationStartedCallback.EventName];

    /// <summary>The client's list (<see cref="ViberEventType.Subscribable"/>), so the emulator and the start-up check accept the same events.</summary>
    public static bool IsSettable(string eventType) => new ViberEventType(eventType).IsSubscribable;

    public static bool IsEnabled(IReadOnlyList<string>? configured, string eventType)
        => eventType == WebhookCallback.EventName
            || Mandatory.Contains(eventType)
            || configured is null
            || configured.Contains(eventType);
}
