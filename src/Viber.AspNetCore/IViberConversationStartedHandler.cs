using Viber.Api.Callbacks;
using Viber.Api.Messages;

namespace Viber.AspNetCore;

/// <summary>
/// Handles conversation_started and may answer it with a welcome message, which is written as the body of the
/// 200 response (the send_message shape without <c>receiver</c>; a missing sender is filled from
/// <c>Viber:Sender</c>). Viber allows one welcome message per conversation_started and shows it before the user
/// subscribes. Register with <c>AddEventHandler&lt;THandler&gt;()</c> or
/// <c>OnConversationStarted(...)</c>. The alternative is an <see cref="IViberEventHandler{TCallback}"/> of
/// <see cref="ConversationStartedCallback"/> that calls send_message within 5 minutes.
/// </summary>
public interface IViberConversationStartedHandler
{
    /// <summary>Handles a conversation_started callback.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="cancellationToken">Signals that the app is stopping.</param>
    /// <returns>
    /// The welcome message (created per call: the library fills its sender), or <see langword="null"/> for none.
    /// When several handlers return one, the first registered wins and the others are logged and ignored.
    /// </returns>
    Task<ViberMessage?> HandleAsync(ConversationStartedCallback callback, CancellationToken cancellationToken);
}
