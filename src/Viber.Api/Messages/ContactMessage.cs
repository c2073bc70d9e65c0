using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A contact message.</summary>
public sealed class ContactMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="ContactMessage"/> class.</summary>
    public ContactMessage()
        : base(MessageTypes.Contact)
    {
    }

    /// <summary>Gets or sets the contact.</summary>
    [JsonPropertyName("contact")]
    public ViberContact? Contact { get; set; }
}
