using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>A user sent a message to the bot. A user's first message subscribes them without a subscribed callback.</summary>
public sealed class MessageCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "message";

    /// <summary>Initializes a new instance of the <see cref="MessageCallback"/> class.</summary>
    public MessageCallback()
        : base(EventName)
    {
    }

    /// <summary>Gets or sets the sender's profile.</summary>
    [JsonPropertyName("sender")]
    public ViberUser? Sender { get; set; }

    /// <summary>Gets or sets the message; an unknown type arrives as <see cref="Messages.UnknownMessage"/>.</summary>
    [JsonPropertyName("message")]
    public Messages.ViberMessage? Message { get; set; }

    /// <summary>Gets or sets the reply type Viber sets for chat extensions.</summary>
    [JsonPropertyName("reply_type")]
    public string? ReplyType { get; set; }

    /// <summary>Gets or sets the chat id Viber sets for chat extensions.</summary>
    [JsonPropertyName("chat_id")]
    public string? ChatId { get; set; }

    /// <inheritdoc />
    public override string? GetUserId() => Sender?.Id;

    /// <inheritdoc />
    protected override TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor) => visitor.Visit(this);
}
