using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>A message reached one of the user's devices; one callback per device.</summary>
public sealed class DeliveredCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "delivered";

    /// <summary>Initializes a new instance of the <see cref="DeliveredCallback"/> class.</summary>
    public DeliveredCallback()
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
