namespace Viber.Api.Validation;

/// <summary>What a message is being validated for; the rules on <c>receiver</c> differ.</summary>
internal enum ViberMessagePurpose
{
    /// <summary>send_message: <c>receiver</c> is required.</summary>
    SendMessage = 0,

    /// <summary>broadcast_message: receivers go in <c>broadcast_list</c>, so <c>receiver</c> must be unset.</summary>
    Broadcast = 1,

    /// <summary>A welcome message written into the conversation_started response: no <c>receiver</c>.</summary>
    WelcomeMessage = 2,
}
