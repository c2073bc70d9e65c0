using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>A user opened the conversation (message button or deep link). Not a subscription; allows one welcome message.</summary>
public sealed class ConversationStartedCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "conversation_started";

    /// <summary>Initializes a new instance of the <see cref="ConversationStartedCallback"/> class.</summary>
    public ConversationStartedCallback()
        : base(EventName)
    {
    }

    /// <summary>Gets or sets the kind of opening; <c>open</c> today.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Gets or sets the deep-link context (<c>viber://pa?chatURI=...&amp;context=...</c>).</summary>
    [JsonPropertyName("context")]
    public string? Context { get; set; }

    /// <summary>Gets or sets the user's profile.</summary>
    [JsonPropertyName("user")]
    public ViberUser? User { get; set; }

    /// <summary>Gets or sets a value indicating whether the user is already subscribed.</summary>
    [JsonPropertyName("subscribed")]
    public bool? Subscribed { get; set; }

    /// <inheritdoc />
    public override string? GetUserId() => User?.Id;

    /// <inheritdoc />
    protected override TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor) => visitor.Visit(this);
}
