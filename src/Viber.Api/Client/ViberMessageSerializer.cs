using Viber.Api.Messages;
using Viber.Api.Validation;

namespace Viber.Api.Client;

/// <summary>
/// Writes messages as the JSON bodies Viber expects, after checking them with <see cref="ViberMessageValidator"/>.
/// The message is never modified: a missing sender is filled from the default sender in the JSON only.
/// </summary>
internal static class ViberMessageSerializer
{
    /// <summary>
    /// Serializes a welcome message, the body of the HTTP 200 answer to a <c>conversation_started</c> callback:
    /// the send_message shape without <c>receiver</c>.
    /// </summary>
    /// <param name="message">The message; it must not have a receiver.</param>
    /// <param name="defaultSender">The sender written when the message has none.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="ViberValidationException">The message breaks a documented limit.</exception>
    public static byte[] SerializeWelcomeMessage(ViberMessage message, ViberSender? defaultSender)
        => Serialize(message, ViberMessagePurpose.WelcomeMessage, defaultSender);

    /// <summary>Serializes the body of a send_message request.</summary>
    /// <param name="message">The message, with its receiver.</param>
    /// <param name="defaultSender">The sender written when the message has none.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="ViberValidationException">The message breaks a documented limit.</exception>
    internal static byte[] SerializeSendMessage(ViberMessage message, ViberSender? defaultSender)
        => Serialize(message, ViberMessagePurpose.SendMessage, defaultSender);

    /// <summary>
    /// Checks a broadcast message and writes its JSON once, without the receivers; each request's body is then
    /// <see cref="MessageJsonWriter.WithBroadcastList"/> of it, written when the request is sent.
    /// </summary>
    /// <param name="message">The message, without a receiver.</param>
    /// <param name="defaultSender">The sender written when the message has none.</param>
    /// <returns>The UTF-8 JSON object of the message.</returns>
    /// <exception cref="ViberValidationException">The message breaks a documented limit.</exception>
    internal static byte[] PrepareBroadcast(ViberMessage message, ViberSender? defaultSender)
    {
        ArgumentNullException.ThrowIfNull(message);
        ViberMessageValidator.Validate(message, ViberMessagePurpose.Broadcast, defaultSender);
        if (MessageJsonWriter.HasExtension(message, "broadcast_list"))
        {
            throw new ViberValidationException("broadcast_list", "must not be set on the message; pass the receivers to BroadcastMessageAsync");
        }

        return MessageJsonWriter.WriteMessage(message, defaultSender);
    }

    private static byte[] Serialize(ViberMessage message, ViberMessagePurpose purpose, ViberSender? defaultSender)
    {
        ArgumentNullException.ThrowIfNull(message);
        ViberMessageValidator.Validate(message, purpose, defaultSender);
        var body = MessageJsonWriter.WriteMessage(message, defaultSender);
        ViberMessageValidator.ValidateRequestSize(body.Length);
        return body;
    }
}
