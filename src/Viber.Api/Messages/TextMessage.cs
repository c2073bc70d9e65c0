using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A text message. Supports Viber's text formatting.</summary>
public sealed class TextMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="TextMessage"/> class.</summary>
    public TextMessage()
        : base(MessageTypes.Text)
    {
    }

    /// <summary>Gets or sets the text, at most 7,000 characters.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }
}
