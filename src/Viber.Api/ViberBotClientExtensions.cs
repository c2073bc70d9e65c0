using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Requests;

namespace Viber.Api;

/// <summary>Shortcuts for the common messages; each builds the message and calls <see cref="IViberBotClient"/>.</summary>
public static class ViberBotClientExtensions
{
    /// <summary>Sends a text message.</summary>
    /// <param name="client">The client.</param>
    /// <param name="receiver">The receiver's user id.</param>
    /// <param name="text">The text, at most 7,000 characters.</param>
    /// <param name="keyboard">A keyboard to show with the message.</param>
    /// <param name="trackingData">Data passed back with the user's reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the message token.</returns>
    public static Task<SendMessageResponse> SendTextMessageAsync(
        this IViberBotClient client, string receiver, string text, Keyboard? keyboard = null, string? trackingData = null, CancellationToken cancellationToken = default)
        => Send(client, new TextMessage { Text = text }, receiver, keyboard, trackingData, cancellationToken);

    /// <summary>Sends a picture message.</summary>
    /// <param name="client">The client.</param>
    /// <param name="receiver">The receiver's user id.</param>
    /// <param name="mediaUrl">The image URL (.jpeg, .jpg, .png or .gif).</param>
    /// <param name="text">The description; may be empty.</param>
    /// <param name="thumbnailUrl">A reduced size image URL.</param>
    /// <param name="keyboard">A keyboard to show with the message.</param>
    /// <param name="trackingData">Data passed back with the user's reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the message token.</returns>
    public static Task<SendMessageResponse> SendPictureMessageAsync(
        this IViberBotClient client,
        string receiver,
        string mediaUrl,
        string text = "",
        string? thumbnailUrl = null,
        Keyboard? keyboard = null,
        string? trackingData = null,
        CancellationToken cancellationToken = default)
        => Send(client, new PictureMessage { Media = mediaUrl, Text = text, Thumbnail = thumbnailUrl }, receiver, keyboard, trackingData, cancellationToken);

    /// <summary>Sends a URL message.</summary>
    /// <param name="client">The client.</param>
    /// <param name="receiver">The receiver's user id.</param>
    /// <param name="url">The URL, at most 2,000 characters.</param>
    /// <param name="keyboard">A keyboard to show with the message.</param>
    /// <param name="trackingData">Data passed back with the user's reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the message token.</returns>
    public static Task<SendMessageResponse> SendUrlMessageAsync(
        this IViberBotClient client, string receiver, string url, Keyboard? keyboard = null, string? trackingData = null, CancellationToken cancellationToken = default)
        => Send(client, new UrlMessage { Media = url }, receiver, keyboard, trackingData, cancellationToken);

    /// <summary>Sends a sticker.</summary>
    /// <param name="client">The client.</param>
    /// <param name="receiver">The receiver's user id.</param>
    /// <param name="stickerId">The Viber sticker id.</param>
    /// <param name="keyboard">A keyboard to show with the message.</param>
    /// <param name="trackingData">Data passed back with the user's reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the message token.</returns>
    public static Task<SendMessageResponse> SendStickerMessageAsync(
        this IViberBotClient client, string receiver, long stickerId, Keyboard? keyboard = null, string? trackingData = null, CancellationToken cancellationToken = default)
        => Send(client, new StickerMessage { StickerId = stickerId }, receiver, keyboard, trackingData, cancellationToken);

    /// <summary>Sends a location.</summary>
    /// <param name="client">The client.</param>
    /// <param name="receiver">The receiver's user id.</param>
    /// <param name="latitude">The latitude, -90 to 90.</param>
    /// <param name="longitude">The longitude, -180 to 180.</param>
    /// <param name="keyboard">A keyboard to show with the message.</param>
    /// <param name="trackingData">Data passed back with the user's reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the message token.</returns>
    public static Task<SendMessageResponse> SendLocationMessageAsync(
        this IViberBotClient client,
        string receiver,
        double latitude,
        double longitude,
        Keyboard? keyboard = null,
        string? trackingData = null,
        CancellationToken cancellationToken = default)
        => Send(client, new LocationMessage { Location = new ViberLocation { Latitude = latitude, Longitude = longitude } }, receiver, keyboard, trackingData, cancellationToken);

    /// <summary>Replaces the keyboard the user sees, without showing a message in the chat.</summary>
    /// <param name="client">The client.</param>
    /// <param name="receiver">The receiver's user id.</param>
    /// <param name="keyboard">The keyboard.</param>
    /// <param name="trackingData">Data passed back with the user's reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the message token.</returns>
    public static Task<SendMessageResponse> SendKeyboardAsync(
        this IViberBotClient client, string receiver, Keyboard keyboard, string? trackingData = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyboard);
        return Send(client, new KeyboardMessage(), receiver, keyboard, trackingData, cancellationToken);
    }

    /// <summary>Broadcasts a text message; see <see cref="IViberBotClient.BroadcastMessageAsync(Messages.ViberMessage, IEnumerable{string}, CancellationToken)"/> for splitting, pacing and failures.</summary>
    /// <param name="client">The client.</param>
    /// <param name="receivers">The receivers' user ids.</param>
    /// <param name="text">The text; placeholders such as <c>replace_me_with_user_name</c> are replaced by Viber.</param>
    /// <param name="keyboard">A keyboard to show with the message.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>The aggregate result.</returns>
    public static Task<BroadcastResult> BroadcastTextMessageAsync(
        this IViberBotClient client, IEnumerable<string> receivers, string text, Keyboard? keyboard = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.BroadcastMessageAsync(new TextMessage { Text = text, Keyboard = keyboard }, receivers, cancellationToken);
    }

    private static Task<SendMessageResponse> Send(
        IViberBotClient client, ViberMessage message, string receiver, Keyboard? keyboard, string? trackingData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        message.Receiver = receiver;
        message.Keyboard = keyboard;
        message.TrackingData = trackingData;
        return client.SendMessageAsync(message, cancellationToken);
    }
}
