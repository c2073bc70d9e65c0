namespace Viber.Emulator.Conversations;

/// <summary>Which way a message went.</summary>
public enum ChatDirection
{
    /// <summary>A simulated user wrote to the bot (a <c>message</c> callback).</summary>
    UserToBot = 0,

    /// <summary>The bot wrote to a user (send_message, broadcast_message or a welcome message).</summary>
    BotToUser = 1,
}
