namespace Viber.Emulator.Events;

/// <summary>What happened to a simulated user.</summary>
public enum UserChange
{
    /// <summary>The user was created.</summary>
    Created = 0,

    /// <summary>The user opened the conversation with the bot (conversation_started).</summary>
    ConversationOpened = 1,

    /// <summary>The user subscribed, explicitly or by sending a first message.</summary>
    Subscribed = 2,

    /// <summary>The user unsubscribed.</summary>
    Unsubscribed = 3,

    /// <summary>The user's online status changed.</summary>
    OnlineStatusChanged = 4,
}
