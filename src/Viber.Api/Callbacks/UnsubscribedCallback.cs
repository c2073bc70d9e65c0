using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>A user unsubscribed from the bot.</summary>
public sealed class UnsubscribedCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "unsubscribed";

    /// <summary>Initializes a new instance of the <see cref="UnsubscribedCallback"/> class.</summary>
    public UnsubscribedCallback()
        : base(EventName)
    {
    }

    /// <summary>Gets or sets the Viber user id.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    /// <inheritdoc />
    public override string? GetUserId() => UserId;

    /// <inheritdoc />
    protected override TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor) => visitor.Visit(this);
}
