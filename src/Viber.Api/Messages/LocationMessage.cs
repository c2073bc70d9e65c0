using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A location message.</summary>
public sealed class LocationMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="LocationMessage"/> class.</summary>
    public LocationMessage()
        : base(MessageTypes.Location)
    {
    }

    /// <summary>Gets or sets the coordinates.</summary>
    [JsonPropertyName("location")]
    public ViberLocation? Location { get; set; }
}
