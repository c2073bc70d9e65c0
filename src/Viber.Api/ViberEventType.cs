using System.Text.Json.Serialization;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;

namespace Viber.Api;

/// <summary>A callback event type, as used by set_webhook's `event_types` and in callbacks' `event`. Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<ViberEventType>))]
public readonly record struct ViberEventType(string Value) : IStringValue<ViberEventType>
{
    // The wire names are written once, in the callbacks' EventName constants (switch cases need constants); the
    // values here are built from them.
    private static readonly string[] KnownValues =
    [
        WebhookCallback.EventName, SubscribedCallback.EventName, UnsubscribedCallback.EventName, ConversationStartedCallback.EventName,
        MessageCallback.EventName, DeliveredCallback.EventName, SeenCallback.EventName, FailedCallback.EventName, ClientStatusCallback.EventName,
    ];

    /// <summary>The <c>webhook</c> value.</summary>
    public static ViberEventType Webhook { get; } = new(WebhookCallback.EventName);

    /// <summary>The <c>subscribed</c> value.</summary>
    public static ViberEventType Subscribed { get; } = new(SubscribedCallback.EventName);

    /// <summary>The <c>unsubscribed</c> value.</summary>
    public static ViberEventType Unsubscribed { get; } = new(UnsubscribedCallback.EventName);

    /// <summary>The <c>conversation_started</c> value.</summary>
    public static ViberEventType ConversationStarted { get; } = new(ConversationStartedCallback.EventName);

    /// <summary>The <c>message</c> value.</summary>
    public static ViberEventType Message { get; } = new(MessageCallback.EventName);

    /// <summary>The <c>delivered</c> value.</summary>
    public static ViberEventType Delivered { get; } = new(DeliveredCallback.EventName);

    /// <summary>The <c>seen</c> value.</summary>
    public static ViberEventType Seen { get; } = new(SeenCallback.EventName);

    /// <summary>The <c>failed</c> value.</summary>
    public static ViberEventType Failed { get; } = new(FailedCallback.EventName);

    /// <summary>The <c>client_status</c> value.</summary>
    public static ViberEventType ClientStatus { get; } = new(ClientStatusCallback.EventName);

    /// <summary>
    /// Gets the events set_webhook's <c>event_types</c> may list, the possible values Viber documents for it
    /// (<c>webhook</c> and <c>client_status</c> are not among them). Of these, <c>message</c>, <c>subscribed</c> and
    /// <c>unsubscribed</c> are mandatory: Viber sends them whether they are listed or not.
    /// </summary>
    public static IReadOnlyList<ViberEventType> Subscribable { get; } =
        Array.AsReadOnly<ViberEventType>([Delivered, Seen, Failed, Subscribed, Unsubscribed, ConversationStarted, Message]);

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <summary>Gets a value indicating whether set_webhook's <c>event_types</c> may list this event (see <see cref="Subscribable"/>).</summary>
    public bool IsSubscribable => Subscribable.Contains(this);

    /// <inheritdoc />
    public static ViberEventType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
