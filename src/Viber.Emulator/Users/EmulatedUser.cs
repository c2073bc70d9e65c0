using System.Globalization;
using System.Text.RegularExpressions;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Conversations;
using Viber.Emulator.Events;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Users;

/// <summary>
/// A simulated Viber user: opens the conversation, subscribes, writes, taps buttons and reads what the bot sent.
/// Each action posts the callback Viber would and returns once the webhook answered (retries included).
/// Thread-safe.
/// </summary>
public sealed partial class EmulatedUser
{
    private readonly EmulatorState _shared;
    private readonly EventFeed _feed;
    private readonly ConversationEngine _conversations;
    private readonly UserState _state;

    internal EmulatedUser(EmulatorState shared, EventFeed feed, ConversationEngine conversations, UserState state)
    {
        _shared = shared;
        _feed = feed;
        _conversations = conversations;
        _state = state;
    }

    /// <summary>Gets the user id.</summary>
    public string Id => _state.Id;

    /// <summary>Gets the user's Viber name.</summary>
    public string Name => _state.Profile.Name;

    /// <summary>Gets a copy of the user's profile.</summary>
    public EmulatedUserProfile Profile => Read(s => s.Profile.Copy());

    /// <summary>Gets a value indicating whether the user is subscribed to the bot.</summary>
    public bool IsSubscribed => Read(s => s.Subscribed);

    /// <summary>Gets when the user last opened the conversation (conversation_started), if ever.</summary>
    public DateTimeOffset? ConversationStartedAt => Read(s => s.ConversationStartedAt);

    /// <summary>Gets the deep-link context of the last conversation_started, cleared when the user subscribes.</summary>
    public string? Context => Read(s => s.Context);

    /// <summary>Gets the tracking data of the bot's last message; the user's next message carries it back.</summary>
    public string? TrackingData => Read(s => s.TrackingData);

    /// <summary>Gets the keyboard the user's client shows: the one of the bot's last message, if it had one.</summary>
    public Keyboard? Keyboard => Read(s => s.Keyboard);

    /// <summary>Gets the online status get_online reports.</summary>
    public OnlineStatus OnlineStatus => Read(s => s.OnlineStatus);

    /// <summary>Gets the bot's messages to this user, oldest first (including ones the client rejected).</summary>
    public IReadOnlyList<ChatMessage> Messages => Read(s => (IReadOnlyList<ChatMessage>)[.. s.Conversation.Where(m => m.Direction == ChatDirection.BotToUser)]);

    /// <summary>Gets the whole conversation in both directions, oldest first.</summary>
    public IReadOnlyList<ChatMessage> Conversation => Read(s => (IReadOnlyList<ChatMessage>)[.. s.Conversation]);

    /// <summary>Opens the conversation (the "message" button or a deep link): a conversation_started callback.</summary>
    /// <param name="context">The deep link's <c>context</c>, if any.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result. A welcome message in the bot's answer is delivered to the user.</returns>
    public Task<CallbackResult> OpenConversationAsync(string? context = null, CancellationToken cancellationToken = default)
        => _conversations.OpenConversationAsync(_state, context, cancellationToken);

    /// <summary>
    /// Taps a deep link (<c>viber://pa?chatURI=&lt;uri&gt;&amp;context=...&amp;text=...</c>) as Viber does: the
    /// conversation opens with the link's unescaped <c>context</c> in the conversation_started callback. The
    /// <c>text</c> parameter only fills the user's input field in Viber, so the emulator ignores it.
    /// </summary>
    /// <param name="deepLink">The link.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    /// <exception cref="ArgumentException">The link is not a <c>viber://pa</c> link to this emulator's bot (<see cref="ViberEmulatorOptions.BotUri"/>).</exception>
    public Task<CallbackResult> OpenDeepLinkAsync(string deepLink, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deepLink);
        if (!Uri.TryCreate(deepLink, UriKind.Absolute, out var link) || link.Scheme != "viber" || !string.Equals(link.Host, "pa", StringComparison.OrdinalIgnoreCase) || link.AbsolutePath.Trim('/').Length > 0)
        {
            throw new ArgumentException("A conversation deep link looks like viber://pa?chatURI=<bot uri>&context=<context>.", nameof(deepLink));
        }

        string? chatUri = null;
        string? context = null;
        foreach (var pair in link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : Uri.UnescapeDataString(pair[(separator + 1)..]);
            switch (name)
            {
                case "chatURI":
                    chatUri = value;
                    break;
                case "context":
                    context = value;
                    break;
            }
        }

        if (!string.Equals(chatUri, _shared.Options.BotUri, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The deep link's chatURI is '{chatUri}', but this emulator's bot is '{_shared.Options.BotUri}' (ViberEmulatorOptions.BotUri).", nameof(deepLink));
        }

        return OpenConversationAsync(context, cancellationToken);
    }

    /// <summary>Subscribes to the bot: a subscribed callback; context and tracking data are cleared.</summary>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    /// <exception cref="InvalidOperationException">The user is already subscribed.</exception>
    public Task<CallbackResult> SubscribeAsync(CancellationToken cancellationToken = default)
        => _conversations.SubscribeAsync(_state, cancellationToken);

    /// <summary>Unsubscribes from the bot: an unsubscribed callback.</summary>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    /// <exception cref="InvalidOperationException">The user is not subscribed.</exception>
    public Task<CallbackResult> UnsubscribeAsync(CancellationToken cancellationToken = default)
        => _conversations.UnsubscribeAsync(_state, cancellationToken);

    /// <summary>Sends a message to the bot (a first message subscribes the user, without a subscribed callback).</summary>
    /// <param name="message">Text, picture, video, file, contact, url, location or sticker; the emulator sends a copy carrying the last tracking data.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    /// <exception cref="ArgumentException">Users cannot send this type (rich media, keyboard).</exception>
    public Task<CallbackResult> SendMessageAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _conversations.SendUserMessageAsync(_state, message, silent: false, cancellationToken);
    }

    /// <summary>Sends a text message.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    public Task<CallbackResult> SendTextAsync(string text, CancellationToken cancellationToken = default)
        => SendMessageAsync(new TextMessage { Text = text }, cancellationToken);

    /// <summary>Sends a picture.</summary>
    /// <param name="media">The picture URL.</param>
    /// <param name="text">The caption, if any.</param>
    /// <param name="thumbnail">The thumbnail URL, if any.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    public Task<CallbackResult> SendPictureAsync(string media, string? text = null, string? thumbnail = null, CancellationToken cancellationToken = default)
        => SendMessageAsync(new PictureMessage { Media = media, Text = text, Thumbnail = thumbnail }, cancellationToken);

    /// <summary>Sends a video.</summary>
    /// <param name="media">The video URL.</param>
    /// <param name="size">The size in bytes.</param>
    /// <param name="duration">The length, if known (Viber reports it in the callback as a number).</param>
    /// <param name="thumbnail">The thumbnail URL, if any.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    public Task<CallbackResult> SendVideoAsync(string media, long size, long? duration = null, string? thumbnail = null, CancellationToken cancellationToken = default)
        => SendMessageAsync(new VideoMessage { Media = media, Size = size, Duration = duration, Thumbnail = thumbnail }, cancellationToken);

    /// <summary>Sends a file.</summary>
    /// <param name="media">The file URL.</param>
    /// <param name="fileName">The file name, with its extension.</param>
    /// <param name="size">The size in bytes.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    public Task<CallbackResult> SendFileAsync(string media, string fileName, long size, CancellationToken cancellationToken = default)
        // Viber's callback reference names the size file_size and its SDKs read size: both are sent, so either works.
        => SendMessageAsync(new FileMessage { Media = media, FileName = fileName, Size = size, FileSize = size }, cancellationToken);

    /// <summary>Sends a sticker.</summary>
    /// <param name="stickerId">The Viber sticker id.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    public Task<CallbackResult> SendStickerAsync(long stickerId, CancellationToken cancellationToken = default)
        => SendMessageAsync(new StickerMessage { StickerId = stickerId }, cancellationToken);

    /// <summary>Shares a contact.</summary>
    /// <param name="name">The contact's name.</param>
    /// <param name="phoneNumber">The contact's phone number.</param>
    /// <param name="avatar">The contact's avatar URL, if any.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    public Task<CallbackResult> SendContactAsync(string name, string phoneNumber, string? avatar = null, CancellationToken cancellationToken = default)
        => SendMessageAsync(new ContactMessage { Contact = new ViberContact { Name = name, PhoneNumber = phoneNumber, Avatar = avatar } }, cancellationToken);

    /// <summary>Sends a URL.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    public Task<CallbackResult> SendUrlAsync(string url, CancellationToken cancellationToken = default)
        => SendMessageAsync(new UrlMessage { Media = url }, cancellationToken);

    /// <summary>Shares a location.</summary>
    /// <param name="latitude">The latitude.</param>
    /// <param name="longitude">The longitude.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result.</returns>
    public Task<CallbackResult> SendLocationAsync(double latitude, double longitude, CancellationToken cancellationToken = default)
        => SendMessageAsync(new LocationMessage { Location = new ViberLocation { Latitude = latitude, Longitude = longitude } }, cancellationToken);

    /// <summary>
    /// Taps a button as a Viber client does: <c>reply</c> and <c>open-url</c> send the ActionBody as text,
    /// <c>location-picker</c> the profile's location, <c>share-phone</c> the profile's phone; <c>none</c> sends nothing.
    /// A <c>Silent</c> button's message is marked silent.
    /// </summary>
    /// <param name="button">The button.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result, or <see langword="null"/> when the tap sends nothing to the bot.</returns>
    public Task<CallbackResult?> TapButtonAsync(Button button, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(button);
        return _conversations.TapAsync(_state, button, cancellationToken);
    }

    /// <summary>Taps a button of the keyboard the user's client shows.</summary>
    /// <param name="index">The button's index in the keyboard's <c>Buttons</c>.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result, or <see langword="null"/> when the tap sends nothing to the bot.</returns>
    /// <exception cref="InvalidOperationException">No keyboard is shown, or it has no such button.</exception>
    public Task<CallbackResult?> TapKeyboardButtonAsync(int index, CancellationToken cancellationToken = default)
    {
        var buttons = CurrentKeyboardButtons();
        return index >= 0 && index < buttons.Count
            ? TapButtonAsync(buttons[index], cancellationToken)
            : throw new InvalidOperationException($"The keyboard has {buttons.Count} buttons; there is no button {index}.");
    }

    /// <summary>Taps the keyboard button whose ActionBody, or text without formatting tags, equals a label.</summary>
    /// <param name="label">The ActionBody or the visible text.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result, or <see langword="null"/> when the tap sends nothing to the bot.</returns>
    /// <exception cref="InvalidOperationException">No keyboard is shown, or no button matches.</exception>
    public Task<CallbackResult?> TapKeyboardButtonAsync(string label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(label);
        var buttons = CurrentKeyboardButtons();
        var button = buttons.FirstOrDefault(b => b.ActionBody == label)
            ?? buttons.FirstOrDefault(b => b.Text is not null && Tags().Replace(b.Text, string.Empty) == label)
            ?? throw new InvalidOperationException(
                $"No keyboard button has ActionBody or text '{label}'. Buttons: {string.Join(", ", buttons.Select(b => $"'{b.Text ?? b.ActionBody}'"))}.");
        return TapButtonAsync(button, cancellationToken);
    }

    /// <summary>Taps a button of a rich media (carousel) message the bot sent.</summary>
    /// <param name="messageToken">The rich media message's token.</param>
    /// <param name="index">The button's index in <c>rich_media.Buttons</c>.</param>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result, or <see langword="null"/> when the tap sends nothing to the bot.</returns>
    /// <exception cref="InvalidOperationException">No such rich media message or button.</exception>
    public Task<CallbackResult?> TapRichMediaButtonAsync(long messageToken, int index, CancellationToken cancellationToken = default)
    {
        var message = Messages.LastOrDefault(m => m.MessageToken == messageToken && m.State != DeliveryState.Failed)?.Message as RichMediaMessage
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"User '{Name}' has no rich media message {messageToken}."));
        var buttons = message.RichMedia?.Buttons ?? [];
        return index >= 0 && index < buttons.Count
            ? TapButtonAsync(buttons[index], cancellationToken)
            : throw new InvalidOperationException($"The rich media message has {buttons.Count} buttons; there is no button {index}.");
    }

    /// <summary>Reads the chat: every unread bot message becomes seen and the bot gets one seen callback.</summary>
    /// <param name="cancellationToken">Cancels the callback.</param>
    /// <returns>The callback's result, or <see langword="null"/> when nothing was unread.</returns>
    public Task<CallbackResult?> ReadAsync(CancellationToken cancellationToken = default)
        => _conversations.ReadAsync(_state, cancellationToken);

    /// <summary>Sets the status get_online reports for the user.</summary>
    /// <param name="status">The status.</param>
    public void SetOnlineStatus(OnlineStatus status)
    {
        lock (_shared.Gate)
        {
            if (_state.OnlineStatus == OnlineStatus.Online && status != OnlineStatus.Online)
            {
                _state.LastOnline = _shared.Time.GetUtcNow();
            }

            _state.OnlineStatus = status;
            _feed.Publish(new UserChangedEvent { UserId = Id, Change = UserChange.OnlineStatusChanged });
        }
    }

    /// <summary>
    /// Waits for the next bot message to this user that no earlier wait returned, so a reply sent while the user's
    /// own callback was still in flight is not missed.
    /// </summary>
    /// <param name="timeout">The wall-clock timeout; the emulator's default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message (check <see cref="ChatMessage.State"/>: the client may have rejected it).</returns>
    /// <exception cref="TimeoutException">No message in time; the message lists the user's recent API calls and callbacks.</exception>
    public async Task<ChatMessage> WaitForMessageAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? _shared.Options.DefaultWaitTimeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(limit);
        try
        {
            return await _state.Inbox.Reader.ReadAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(DescribeSilence(limit), exception);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    private T Read<T>(Func<UserState, T> read)
    {
        lock (_shared.Gate)
        {
            return read(_state);
        }
    }

    private IList<Button> CurrentKeyboardButtons()
        => Keyboard?.Buttons ?? throw new InvalidOperationException($"User '{Name}' has no keyboard: the bot's last message did not carry one.");

    /// <summary>Explains a timeout with what the bot did recently for this user, so a failing test says why.</summary>
    private string DescribeSilence(TimeSpan limit)
        => string.Create(CultureInfo.InvariantCulture, $"No bot message reached user '{Name}' ({Id}) within {limit.TotalSeconds:0.###} s. ")
            + _feed.DescribeRecent(
                e => e switch
                {
                    ApiCallEvent call => call.UserId == Id || call.Method == Viber.Api.ViberApiMethods.BroadcastMessage,
                    CallbackAttemptEvent attempt => attempt.UserId == Id,
                    CallbackSkippedEvent skipped => skipped.UserId == Id,
                    _ => false,
                },
                count: 8);
}
