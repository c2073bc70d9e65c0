using Viber.Api.Messages;
using Viber.Api.Serialization;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// The one place that turns a welcome message into the conversation_started response body: the send_message shape
/// without <c>receiver</c>, the sender filled from the default when missing. When Viber.Api offers
/// <c>ViberMessageSerializer.SerializeWelcomeMessage</c>, this delegates to it.
/// </summary>
internal static class ViberWelcomeMessageSerializer
{
    /// <summary>Serializes a welcome message.</summary>
    /// <param name="message">The message a handler created for this callback; it is completed in place.</param>
    /// <param name="defaultSender">The configured sender, used when the message has none.</param>
    /// <returns>A new UTF-8 JSON buffer owned by this response alone.</returns>
    /// <exception cref="InvalidOperationException">Neither the message nor the configuration gives a sender.</exception>
    public static byte[] Serialize(ViberMessage message, ViberSender? defaultSender)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Each handler call creates its own message object, so completing it here touches nothing shared.
        message.Receiver = null;
        message.Sender ??= defaultSender
            ?? throw new InvalidOperationException("A welcome message needs a sender: set Viber:Sender:Name, or the message's Sender.");
        return ViberJson.SerializeMessage(message);
    }
}
