using System.Text;
using System.Text.Json;
using Viber.Api.Callbacks;

namespace Viber.Api.Serialization;

/// <summary>
/// The fixed names Viber sends as values (a callback's <c>event</c>, a message's <c>type</c>), read as the library's
/// own constants instead of a new string each time. Each is read twice per callback, by the peek that picks the
/// model and by the model itself, so a known name allocated two strings for nothing.
/// </summary>
internal sealed class WireNames
{
    /// <summary>The events, the most frequent first.</summary>
    public static readonly WireNames Events = new(
        MessageCallback.EventName,
        DeliveredCallback.EventName,
        SeenCallback.EventName,
        ConversationStartedCallback.EventName,
        SubscribedCallback.EventName,
        UnsubscribedCallback.EventName,
        FailedCallback.EventName,
        WebhookCallback.EventName,
        ClientStatusCallback.EventName);

    /// <summary>The message types, the most frequent first.</summary>
    public static readonly WireNames MessageTypes = new(
        Messages.MessageTypes.Text,
        Messages.MessageTypes.Picture,
        Messages.MessageTypes.Sticker,
        Messages.MessageTypes.Video,
        Messages.MessageTypes.File,
        Messages.MessageTypes.Location,
        Messages.MessageTypes.Contact,
        Messages.MessageTypes.Url,
        Messages.MessageTypes.RichMedia);

    private readonly byte[][] _utf8;
    private readonly string[] _names;

    private WireNames(params string[] names)
    {
        _names = names;
        _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Reads a JSON string: one of the names as the very constant, any other as a new string.</summary>
    /// <param name="reader">A reader on a <see cref="JsonTokenType.String"/> token.</param>
    /// <returns>The string.</returns>
    public string Read(ref Utf8JsonReader reader)
    {
        // ValueTextEquals compares the unescaped value, so an escaped name (\u0074ext) still matches.
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return _names[i];
            }
        }

        return reader.GetString()!;
    }
}
