using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api;

/// <summary>A callback event type, as used by set_webhook's `event_types` and in callbacks' `event`. Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<ViberEventType>))]
public readonly record struct ViberEventType(string Value) : IStringValue<ViberEventType>
{
    private static readonly string[] KnownValues = ["webhook", "subscribed", "unsubscribed", "conversation_started", "message", "delivered", "seen", "failed", "client_status"];

    /// <summary>The <c>webhook</c> value.</summary>
    public static ViberEventType Webhook { get; } = new("webhook");

    /// <summary>The <c>subscribed</c> value.</summary>
    public static ViberEventType Subscribed { get; } = new("subscribed");

    /// <summary>The <c>unsubscribed</c> value.</summary>
    public static ViberEventType Unsubscribed { get; } = new("unsubscribed");

    /// <summary>The <c>conversation_started</c> value.</summary>
    public static ViberEventType ConversationStarted { get; } = new("conversation_started");

    /// <summary>The <c>message</c> value.</summary>
    public static ViberEventType Message { get; } = new("message");

    /// <summary>The <c>delivered</c> value.</summary>
    public static ViberEventType Delivered { get; } = new("delivered");

    /// <summary>The <c>seen</c> value.</summary>
    public static ViberEventType Seen { get; } = new("seen");

    /// <summary>The <c>failed</c> value.</summary>
    public static ViberEventType Failed { get; } = new("failed");

    /// <summary>The <c>client_status</c> value.</summary>
    public static ViberEventType ClientStatus { get; } = new("client_status");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static ViberEventType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
