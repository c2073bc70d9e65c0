using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A URL message (also used for animated GIFs).</summary>
public sealed class UrlMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="UrlMessage"/> class.</summary>
    public UrlMessage()
        : base(MessageTypes.Url)
    {
    }

    /// <summary>Gets or sets the URL, at most 2,000 characters.</summary>
    [JsonPropertyName("media")]
    public string? Media { get; set; }
}
