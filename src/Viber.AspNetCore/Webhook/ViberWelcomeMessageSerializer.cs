using Viber.Api.Client;
using Viber.Api.Messages;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// The one place that turns a welcome message into the conversation_started response body: the send_message shape
/// without <c>receiver</c>, the sender filled from the default when missing, every documented limit checked.
/// </summary>
internal static class ViberWelcomeMessageSerializer
{
    /// <summary>Serializes a welcome message.</summary>
    /// <param name="message">
    /// The message a handler created for this callback. A receiver on it is cleared: the response body goes to the
    /// user who opened the conversation, and Viber's shape for it has no receiver.
    /// </param>
    /// <param name="defaultSender">The configured sender, used when the message has none.</param>
    /// <returns>A new UTF-8 JSON buffer owned by this response alone.</returns>
    /// <exception cref="Viber.Api.ViberValidationException">
    /// The message breaks a documented limit.
    /// </exception>
    /// <exception cref="InvalidOperationException">Neither the message nor the configuration gives a sender.</exception>
    public static byte[] Serialize(ViberMessage message, ViberSender? defaultSender)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Each handler call creates its own message object, so clearing the receiver here touches nothing shared.
        message.Receiver = null;
        if (message.Sender is null && defaultSender is null)
        {
            throw new InvalidOperationException("A welcome message needs a sender: set Viber:Sender:Name, or the message's Sender.");
        }

        return ViberMessageSerializer.SerializeWelcomeMessage(message, defaultSender);
    }
}
