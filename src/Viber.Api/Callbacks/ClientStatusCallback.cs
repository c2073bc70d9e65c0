using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>A client status report, such as payment support.</summary>
public sealed class ClientStatusCallback : ViberCallback
{
    /// <summary>The wire event name.</summary>
    public const string EventName = "client_status";

    /// <summary>Initializes a new instance of the <see cref="ClientStatusCallback"/> class.</summary>
    public ClientStatusCallback()
        : base(EventName)
    {
    }

    /// <summary>Gets or sets the user's profile.</summary>
    [JsonPropertyName("user")]
    public ViberUser? User { get; set; }

    /// <summary>Gets or sets the reported status.</summary>
    [JsonPropertyName("status")]
    public ClientStatus? Status { get; set; }

    /// <inheritdoc />
    public override string? GetUserId() => User?.Id;

    /// <inheritdoc />
    protected override TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor) => visitor.Visit(this);
}
