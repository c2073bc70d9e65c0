using Viber.Api.Messages;
using Viber.Api.Requests;

namespace Viber.Api;

/// <summary>
/// The Viber REST Bot API: one async method per API method. Every documented limit is checked before anything is
/// sent (<see cref="ViberValidationException"/>); a non-zero status becomes <see cref="ViberApiException"/>;
/// rate-control and transient HTTP failures are retried with bounded, jittered exponential backoff.
/// </summary>
public interface IViberBotClient
{
    /// <summary>Sets the webhook (set_webhook). Viber calls the URL back at once and needs HTTP 200.</summary>
    /// <param name="request">The webhook URL, event types and privacy flags.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, with the event types Viber confirmed.</returns>
    Task<SetWebhookResponse> SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes the webhook (set_webhook with an empty URL), which disables the 1-on-1 conversation.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Viber confirmed the removal.</returns>
    Task RemoveWebhookAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends a message to one subscribed user (send_message); <see cref="ViberMessage.Receiver"/> is required.</summary>
    /// <param name="message">The message. It is not modified; the default sender fills in a missing sender.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the message token and billing status.</returns>
    Task<SendMessageResponse> SendMessageAsync(ViberMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends one message to any number of subscribed users (broadcast_message), split into requests of at most
    /// 300 receivers and paced to at most 500 requests per 10 seconds.
    /// </summary>
    /// <param name="message">The message; placeholders such as <c>replace_me_with_user_name</c> are replaced by Viber.</param>
    /// <param name="receivers">The receivers' user ids.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>The aggregate: message tokens and every receiver that was not reached, with its status.</returns>
    Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends one message to any number of subscribed users (broadcast_message), reading the receivers 300 at a time
    /// as the requests go out (never copying them), several requests in flight at once, paced to at most 500 requests
    /// per 10 seconds, and reporting progress after every request.
    /// </summary>
    /// <param name="message">The message; placeholders such as <c>replace_me_with_user_name</c> are replaced by Viber.</param>
    /// <param name="receivers">The receivers' user ids, enumerated once.</param>
    /// <param name="options">The progress sink and the receiver count of a stream; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>The aggregate: message tokens and every receiver that was not reached, with its status.</returns>
    Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IEnumerable<string> receivers, ViberBroadcastOptions? options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends one message to a stream of subscribed users (broadcast_message), for example read from a database,
    /// no further ahead than the requests in flight (300 receivers each), paced to at most 500 requests per 10 seconds.
    /// </summary>
    /// <param name="message">The message; placeholders such as <c>replace_me_with_user_name</c> are replaced by Viber.</param>
    /// <param name="receivers">The receivers' user ids, enumerated once.</param>
    /// <param name="options">The progress sink and the receiver count, when known; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the stream and the remaining requests.</param>
    /// <returns>The aggregate: message tokens and every receiver that was not reached, with its status.</returns>
    Task<BroadcastResult> BroadcastMessageAsync(ViberMessage message, IAsyncEnumerable<string> receivers, ViberBroadcastOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the account's details (get_account_info).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account details.</returns>
    Task<GetAccountInfoResponse> GetAccountInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a user's details (get_user_details). Viber allows two calls per user per 12 hours.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the user's details.</returns>
    Task<GetUserDetailsResponse> GetUserDetailsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Gets users' online status (get_online); lists over 100 ids are split and the answers merged.</summary>
    /// <param name="userIds">The user ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One status per user, in the order Viber answered.</returns>
    Task<IReadOnlyList<UserOnlineStatus>> GetOnlineAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default);
}
