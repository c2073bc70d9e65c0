using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>The sender shown on a message the bot sends.</summary>
public sealed class ViberSender
{
    /// <summary>The most characters Viber accepts in <see cref="Name"/>: 28.</summary>
    public const int MaxNameLength = 28;

    /// <summary>Initializes a new instance of the <see cref="ViberSender"/> class.</summary>
    public ViberSender()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ViberSender"/> class.</summary>
    /// <param name="name">The name, at most <see cref="MaxNameLength"/> characters.</param>
    /// <param name="avatar">The avatar URL, or <see langword="null"/>.</param>
    public ViberSender(string name, string? avatar = null)
    {
        Name = name;
        Avatar = avatar;
    }

    /// <summary>Gets or sets the name shown to the user, at most <see cref="MaxNameLength"/> characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the avatar URL (at most 100 KB, 720x720 recommended).</summary>
    [JsonPropertyName("avatar")]
    public string? Avatar { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
