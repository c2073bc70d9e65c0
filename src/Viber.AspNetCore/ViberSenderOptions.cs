namespace Viber.AspNetCore;

/// <summary>The default sender of the bot's messages (<c>Viber:Sender</c>).</summary>
public sealed class ViberSenderOptions
{
    /// <summary>Gets or sets the name shown to users, at most <see cref="Viber.Api.Messages.ViberSender.MaxNameLength"/> (28) characters. Messages without a sender get this one.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the avatar URL (at most 100 KB, 720x720 recommended).</summary>
    public string? Avatar { get; set; }
}
