namespace Viber.Api.Callbacks;

/// <summary>Viber's availability check after set_webhook; answered 200 at once.</summary>
public sealed class WebhookCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "webhook";

    /// <summary>Initializes a new instance of the <see cref="WebhookCallback"/> class.</summary>
    public WebhookCallback()
        : base(EventName)
    {
    }

    /// <inheritdoc />
    public override string? GetUserId() => null;

    /// <inheritdoc />
    protected override TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor) => visitor.Visit(this);
}
