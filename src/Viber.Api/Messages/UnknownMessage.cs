using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>
/// A message whose <c>type</c> this library does not know. Its fields are kept in
/// <see cref="ViberMessage.ExtensionData"/> and <see cref="RawJson"/>, so it is never rejected and round-trips intact.
/// </summary>
public sealed class UnknownMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="UnknownMessage"/> class.</summary>
    public UnknownMessage()
        : base(null)
    {
    }

    /// <summary>Gets the message exactly as it was received, when it was deserialized.</summary>
    [JsonIgnore]
    public JsonElement? RawJson { get; internal set; }
}
