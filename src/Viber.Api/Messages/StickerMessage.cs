using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A sticker message.</summary>
public sealed class StickerMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="StickerMessage"/> class.</summary>
    public StickerMessage()
        : base(MessageTypes.Sticker)
    {
    }

    /// <summary>Gets or sets the Viber sticker id (sent as a number; accepted as a number or a string).</summary>
    [JsonPropertyName("sticker_id")]
    public long? StickerId { get; set; }
}
