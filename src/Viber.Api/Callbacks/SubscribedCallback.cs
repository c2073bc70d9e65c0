using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>A user subscribed to the bot. Wipes earlier context and tracking data.</summary>
public sealed class SubscribedCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "subscribed";

    /// <summary>Initializes a new instance of the <see cref="SubscribedCallback"/> class.</summary>
    public SubscribedCallback()
        : base(EventName)
    {
    }

    /// <summary>Gets or sets the user's profile.</summary>
    [JsonPropertyName("user")]
    public ViberUser? User { get; set; }

    /// <inheritdoc />
    public override string? GetUserId() => User?.Id;

    /// <inheritdoc />
    protected override TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor) => visitor.Visit(this);
}
