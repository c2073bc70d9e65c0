using Viber.Api.Callbacks;

namespace Viber.Emulator.Callbacks;

/// <summary>Viber's rules for set_webhook's <c>event_types</c>.</summary>
internal static class EventTypePolicy
{
    /// <summary>Sent whatever the bot asks for.</summary>
    public static readonly string[] Mandatory = [MessageCallback.EventName, SubscribedCallback.EventName, UnsubscribedCallback.EventName];

    /// <summary>Sent only when the bot asks for them (or omits <c>event_types</c>).</summary>
    public static readonly string[] Filterable = [DeliveredCallback.EventName, SeenCallback.EventName, FailedCallback.EventName, ConversationStartedCallback.EventName];

    /// <summary>What set_webhook and get_account_info report when the bot omitted <c>event_types</c> (Viber's documented example).</summary>
    public static readonly string[] ReportedWhenOmitted =
        [DeliveredCallback.EventName, SeenCallback.EventName, FailedCallback.EventName, SubscribedCallback.EventName, UnsubscribedCallback.EventName, ConversationStartedCallback.EventName];

    public static bool IsSettable(string eventType) => Mandatory.Contains(eventType) || Filterable.Contains(eventType);

    public static bool IsEnabled(IReadOnlyList<string>? configured, string eventType)
        => eventType == WebhookCallback.EventName
            || Mandatory.Contains(eventType)
            || configured is null
            || configured.Contains(eventType);
}
