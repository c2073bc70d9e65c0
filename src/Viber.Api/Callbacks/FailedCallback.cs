using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>A message reached the client but failed its validation.</summary>
public sealed class FailedCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "failed";

    /// <summary>Initializes a new instance of the <see cref="FailedCallback"/> class.</summary>
    public FailedCallback()
        : base(EventName)
    {
    }

    /// <summary>Gets or sets the Viber user id.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    /// <summary>Gets or sets the description of the failure.</summary>
    [JsonPropertyName("desc")]
    public string? Description { get; set; }

    /// <inheritdoc />
    public override string? GetUserId() => UserId;

    /// <inheritdoc />
    protected override TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor) => visitor.Visit(this);
}
