using Microsoft.Extensions.DependencyInjection;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.AspNetCore.Conversations;
using Viber.AspNetCore.Users;

namespace Viber.AspNetCore;

/// <summary>
/// One callback with what a handler needs to answer it: the user it is about, the bot's client, the callback's DI
/// scope and cancellation, and replies that fill in the receiver (the callback's user) and the default sender
/// (<c>Viber:Sender</c>, else the account's own name from get_account_info).
/// </summary>
public class ViberContext
{
    /// <summary>The name of the bot while an app hosts one: <c>default</c>.</summary>
    public const string DefaultBotName = "default";

    private readonly ViberSender? _defaultSender;

    /// <summary>Initializes a new instance of the <see cref="ViberContext"/> class.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="client">The client replies are sent with.</param>
    /// <param name="services">The callback's DI scope.</param>
    /// <param name="defaultSender">The sender of replies that set none; <see langword="null"/> leaves that to the client.</param>
    /// <param name="botName">The bot's name (<see cref="DefaultBotName"/> while an app hosts one bot).</param>
    /// <param name="cancellationToken">Cancels the handler's work (the handler timeout, or the app stopping).</param>
    public ViberContext(
        ViberCallback callback,
        IViberBotClient client,
        IServiceProvider services,
        ViberSender? defaultSender = null,
        string botName = DefaultBotName,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(botName);
        Callback = callback;
        Client = client;
        Services = services;
        BotName = botName;
        CancellationToken = cancellationToken;
        _defaultSender = defaultSender;
        User = UserOf(callback);
    }

    /// <summary>Gets the callback.</summary>
    public ViberCallback Callback { get; }

    /// <summary>
    /// Gets the user the callback is about, with the profile fields the callback carries (a message's sender, a
    /// subscription's or conversation start's user: id, name, avatar, language, country, api_version); callbacks that
    /// carry only the user's id (unsubscribed, delivered, seen, failed) give a user with just <see cref="ViberUser.Id"/>.
    /// <see langword="null"/> when the callback names no user.
    /// </summary>
    public ViberUser? User { get; }

    /// <summary>Gets the id of the user the callback is about, which replies go to; <see langword="null"/> when it names none.</summary>
    public string? UserId => User?.Id;

    /// <summary>Gets the bot's client, for calls other than replies.</summary>
    public IViberBotClient Client { get; }

    /// <summary>Gets the callback's DI scope.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Gets the name of the bot that received the callback (<see cref="DefaultBotName"/> while an app hosts one bot).</summary>
    public string BotName { get; }

    /// <summary>
    /// Gets the token that cancels the handler's work (the handler timeout, the shutdown deadline); replies use it.
    /// Valid only while the handler runs: its source may serve a later callback afterwards.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Gets the <c>tracking_data</c> of the incoming message as Viber sent it back (what the bot set on its previous
    /// message to this user), or <see langword="null"/> when there is none or the callback is not a message.
    /// </summary>
    public string? TrackingData => (Callback as MessageCallback)?.Message?.TrackingData;

    /// <summary>
    /// Gets or sets the <c>tracking_data</c> given to replies that set none themselves, at most 4,096 characters: the
    /// user's next message brings it back as <see cref="TrackingData"/>. <see langword="null"/> (the default) sends none.
    /// </summary>
    public string? ReplyTrackingData { get; set; }

    /// <summary>Replies with a text message.</summary>
    /// <param name="text">The text, at most 7,000 characters.</param>
    /// <returns>Viber's answer, with the message token.</returns>
    public Task<SendMessageResponse> ReplyAsync(string text) => ReplyAsync(new TextMessage { Text = text });

    /// <summary>Replies with a text message and a keyboard.</summary>
    /// <param name="text">The text, at most 7,000 characters.</param>
    /// <param name="keyboard">The keyboard shown with the message.</param>
    /// <returns>Viber's answer, with the message token.</returns>
    public Task<SendMessageResponse> ReplyAsync(string text, Keyboard keyboard)
    {
        ArgumentNullException.ThrowIfNull(keyboard);
        return ReplyAsync(new TextMessage { Text = text, Keyboard = keyboard });
    }

    /// <summary>
    /// Replies with a message. Its receiver is set to the callback's user; a missing sender becomes the bot's default
    /// sender and missing tracking data becomes <see cref="ReplyTrackingData"/>. The message is changed in place.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <returns>Viber's answer, with the message token.</returns>
    /// <exception cref="InvalidOperationException">The callback names no user to reply to (webhook, an unknown event).</exception>
    public Task<SendMessageResponse> ReplyAsync(ViberMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var receiver = UserId ?? throw new InvalidOperationException(
            $"A '{Callback.Event}' callback names no user to reply to; send with Client.SendMessageAsync and an explicit receiver.");
        message.Receiver = receiver;
        if (message.Sender is null && _defaultSender is { Name: { Length: > 0 } name })
        {
            // A copy per message: a caller that edits one message's sender must not change the others'.
            message.Sender = new ViberSender(name, _defaultSender.Avatar);
        }

        message.TrackingData ??= ReplyTrackingData;
        return Client.SendMessageAsync(message, CancellationToken);
    }

    /// <summary>Replies with several messages, one after another in the given order (each waits for Viber's answer to the previous).</summary>
    /// <param name="messages">The messages; each is filled in as <see cref="ReplyAsync(ViberMessage)"/> describes.</param>
    /// <returns>Viber's answers, in the same order.</returns>
    public Task<IReadOnlyList<SendMessageResponse>> ReplyAsync(params ViberMessage[] messages)
        => ReplyAsync((IEnumerable<ViberMessage>)messages);

    /// <summary>Replies with several messages, one after another in the given order (each waits for Viber's answer to the previous).</summary>
    /// <param name="messages">The messages; each is filled in as <see cref="ReplyAsync(ViberMessage)"/> describes.</param>
    /// <returns>Viber's answers, in the same order.</returns>
    public async Task<IReadOnlyList<SendMessageResponse>> ReplyAsync(IEnumerable<ViberMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var responses = new List<SendMessageResponse>();
        foreach (var message in messages)
        {
            // Sequential on purpose: Viber shows messages in the order it receives them.
            responses.Add(await ReplyAsync(message).ConfigureAwait(false));
        }

        return responses;
    }

    /// <summary>
    /// Takes the lock of this user's conversation state (<see cref="IViberConversationStore"/>, in memory unless replaced),
    /// so this callback reads, changes and writes it while no other callback of the user can:
    /// <c>await using var conversation = await context.LockConversationAsync();</c>. The same conversation as
    /// <c>store.LockAsync(userId)</c> in a plain handler.
    /// </summary>
    /// <returns>The held conversation; dispose it to release the lock.</returns>
    /// <exception cref="InvalidOperationException">The callback names no user (webhook, an unknown event).</exception>
    /// <exception cref="TimeoutException">The lock was not free within <c>Viber:Conversations:LockTimeout</c>.</exception>
    public ValueTask<ViberConversation> LockConversationAsync()
        => Services.GetRequiredService<IViberConversationStore>().LockAsync(RequireUserId("has no conversation"), CancellationToken);

    /// <summary>
    /// Gets this user's details through the <c>get_user_details</c> cache (<see cref="IViberUserDetailsCache"/>), which
    /// keeps within Viber's two calls per user per 12 hours and answers from the cache when the quota is spent.
    /// </summary>
    /// <returns>The user's details.</returns>
    /// <exception cref="InvalidOperationException">The callback names no user (webhook, an unknown event).</exception>
    /// <exception cref="ViberUserDetailsQuotaExceededException">The quota is spent and nothing is cached.</exception>
    public ValueTask<UserDetails> GetUserDetailsAsync()
        => Services.GetRequiredService<IViberUserDetailsCache>().GetAsync(RequireUserId("names no user to look up"), CancellationToken);

    private string RequireUserId(string what)
        => UserId ?? throw new InvalidOperationException($"A '{Callback.Event}' callback {what}: it names no user.");

    private static ViberUser? UserOf(ViberCallback callback) => callback switch
    {
        MessageCallback message => message.Sender,
        SubscribedCallback subscribed => subscribed.User,
        ConversationStartedCallback started => started.User,
        _ => callback.GetUserId() is { } id ? new ViberUser { Id = id } : null,
    };
}
