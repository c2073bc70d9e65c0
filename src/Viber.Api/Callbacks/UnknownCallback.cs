using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Callbacks;

/// <summary>
/// A callback whose <c>event</c> this library does not know. Its fields are kept in
/// <see cref="ViberCallback.ExtensionData"/> and <see cref="RawJson"/>; it is dispatched, never rejected.
/// </summary>
public sealed class UnknownCallback : ViberCallback
{
    /// <summary>Initializes a new instance of the <see cref="UnknownCallback"/> class.</summary>
    public UnknownCallback()
        : base(string.Empty)
    {
    }

    /// <summary>Gets the callback exactly as it was received, when it was deserialized.</summary>
    [JsonIgnore]
    public JsonElement? RawJson { get; internal set; }

    /// <inheritdoc />
    public override string? GetUserId() => null;

    /// <inheritdoc />
    protected override TResult AcceptCore<TResult>(IViberCallbackVisitor<TResult> visitor) => visitor.Visit(this);
}
