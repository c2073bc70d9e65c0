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
    /// Serializes the bodies of the broadcast_message requests for a receiver list, one per
    /// <paramref name="receiversPerRequest"/> receivers. Every body is checked before any is sent.
    /// </summary>
    /// <param name="message">The message, without a receiver.</param>
    /// <param name="defaultSender">The sender written when the message has none.</param>
    /// <param name="receivers">The validated receivers.</param>
    /// <param name="receiversPerRequest">The most receivers in one request.</param>
    /// <returns>Each request's receivers and body, in order.</returns>
    /// <exception cref="ViberValidationException">The message or a request breaks a documented limit.</exception>
    internal static List<(ArraySegment<string> Receivers, byte[] Body)> SerializeBroadcast(
        ViberMessage message, ViberSender? defaultSender, string[] receivers, int receiversPerRequest)
    {
        ArgumentNullException.ThrowIfNull(message);
        ViberMessageValidator.Validate(message, ViberMessagePurpose.Broadcast, defaultSender);
        if (MessageJsonWriter.HasExtension(message, "broadcast_list"))
        {
            throw new ViberValidationException("broadcast_list", "must not be set on the message; pass the receivers to BroadcastMessageAsync");
        }

        var messageJson = MessageJsonWriter.WriteMessage(message, defaultSender);
        var requests = new List<(ArraySegment<string>, byte[])>((receivers.Length + receiversPerRequest - 1) / receiversPerRequest);
        for (var offset = 0; offset < receivers.Length; offset += receiversPerRequest)
        {
            var chunk = new ArraySegment<string>(receivers, offset, Math.Min(receiversPerRequest, receivers.Length - offset));
            var body = MessageJsonWriter.WithBroadcastList(messageJson, chunk);
            ViberMessageValidator.ValidateRequestSize(body.Length);
            requests.Add((chunk, body));
        }

        return requests;
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
