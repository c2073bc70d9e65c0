using System.Text.Json.Serialization;
using Viber.Api.Keyboards;

namespace Viber.Api.Messages;

/// <summary>A rich media (carousel content) message. Needs Viber 6.7+; not forwardable.</summary>
public sealed class RichMediaMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="RichMediaMessage"/> class.</summary>
    public RichMediaMessage()
        : base(MessageTypes.RichMedia)
    {
    }

    /// <summary>Gets or sets the carousel content.</summary>
    [JsonPropertyName("rich_media")]
    public RichMedia? RichMedia { get; set; }

    /// <summary>Gets or sets the text older clients show instead of the carousel.</summary>
    [JsonPropertyName("alt_text")]
    public string? AltText { get; set; }
}
