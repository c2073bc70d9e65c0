namespace Viber.AspNetCore.Conversations;

/// <summary>
/// Whose conversation: a Viber user id and, for an app that hosts several bots sharing one store, the bot's name
/// (empty for a single bot). A store keeps one value per key.
/// </summary>
public sealed record ViberConversationKey
{
    /// <summary>Initializes a new instance of the <see cref="ViberConversationKey"/> class.</summary>
    /// <param name="userId">The user's Viber id, such as <c>callback.Sender.Id</c>.</param>
    /// <param name="botName">The bot's name when several bots share a store; empty by default.</param>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is empty.</exception>
    public ViberConversationKey(string userId, string botName = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(botName);
        UserId = userId;
        BotName = botName;
    }

    /// <summary>Gets the user's Viber id.</summary>
    public string UserId { get; }

    /// <summary>Gets the bot's name; empty for a single bot.</summary>
    public string BotName { get; }
}
