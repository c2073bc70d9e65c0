using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>The user read the conversation; sent once, whatever the number of messages and devices.</summary>
public sealed class SeenCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "seen";

    /// <summary>Initializes a new instance of the <see cref="SeenCallback"/> class.</summary>
    public SeenCallback()
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
