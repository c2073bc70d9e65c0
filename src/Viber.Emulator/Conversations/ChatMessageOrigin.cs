namespace Viber.Emulator.Conversations;

/// <summary>How a message entered the conversation.</summary>
public enum ChatMessageOrigin
{
    /// <summary>The user typed it or tapped a button.</summary>
    User = 0,

    /// <summary>The bot called send_message.</summary>
    SendMessage = 1,

    /// <summary>The bot called broadcast_message (placeholders already replaced).</summary>
    Broadcast = 2,

    /// <summary>The bot answered conversation_started with it in the HTTP response body.</summary>
    WelcomeResponse = 3,
}
