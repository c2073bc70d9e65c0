using System.Text.Json;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Api.Validation;

namespace Viber.Api.Client;

/// <summary>
/// Writes a message's request body without modifying the message: the default sender and a broadcast list are
/// spliced into the JSON the source-generated serializer wrote, as extra top-level properties.
/// </summary>
internal static class MessageJsonWriter
{
    /// <summary>
    /// Serializes a message, adding <c>sender</c> from the default when the message has none, and
    /// <c>min_api_version</c> when it is unset but the message uses features of a newer API level.
    /// </summary>
    /// <param name="message">The message; it is not modified.</param>
    /// <param name="defaultSender">The sender used when the message has none.</param>
    /// <returns>The UTF-8 JSON object.</returns>
    public static byte[] WriteMessage(ViberMessage message, ViberSender? defaultSender)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, ViberJson.Context.ViberMessage);

        // Viber treats a missing min_api_version as 1, and clients below a feature's level misrender it; an unset
        // value is filled with what the features need (an explicit value was already checked by the validator).
        var required = MinApiVersion.Required(message);
        if (message.MinApiVersion is null && required > MinApiVersion.Default && !HasExtension(message, "min_api_version"))
        {
            json = Splice(json, "min_api_version"u8, JsonSerializer.SerializeToUtf8Bytes(required, ViberJson.Context.Int32), atStart: false);
        }

        // A sender carried in ExtensionData counts as set: writing a second one would duplicate the property.
        if (message.Sender is not null || defaultSender is null || HasExtension(message, "sender"))
        {
            return json;
        }

        var sender = JsonSerializer.SerializeToUtf8Bytes(defaultSender, ViberJson.Context.ViberSender);
        return Splice(json, "sender"u8, sender, atStart: true);
    }

    /// <summary>Adds <c>broadcast_list</c> to a serialized message.</summary>
    /// <param name="messageJson">The message JSON from <see cref="WriteMessage"/>.</param>
    /// <param name="receivers">The receivers of one request.</param>
    /// <returns>The UTF-8 JSON body of a broadcast_message request.</returns>
    public static byte[] WithBroadcastList(ReadOnlySpan<byte> messageJson, IList<string> receivers)
    {
        var list = JsonSerializer.SerializeToUtf8Bytes(receivers, ViberJson.Context.IListString);
        return Splice(messageJson, "broadcast_list"u8, list, atStart: false);
    }

    /// <summary>Gets a value indicating whether the message carries a property in its extension data.</summary>
    /// <param name="message">The message.</param>
    /// <param name="name">The JSON property name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public static bool HasExtension(ViberMessage message, string name) => message.ExtensionData?.ContainsKey(name) == true;

    // The serializer writes compact JSON, so an object is '{', its properties, '}' ("{}" when it has none), and a
    // property can be spliced in by copying bytes, without parsing the JSON again.
    private static byte[] Splice(ReadOnlySpan<byte> objectJson, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool atStart)
    {
        if (objectJson.Length < 2 || objectJson[0] != (byte)'{' || objectJson[^1] != (byte)'}')
        {
            throw new InvalidOperationException("A Viber message must serialize as a JSON object.");
        }

        var properties = objectJson[1..^1];
        var separator = properties.IsEmpty ? 0 : 1;
        var result = new byte[objectJson.Length + name.Length + 3 + value.Length + separator];
        var span = result.AsSpan();
        span[0] = (byte)'{';
        var position = 1;
        if (!atStart)
        {
            position = Append(span, position, properties);
            position = separator == 1 ? Append(span, position, ","u8) : position;
        }

        position = Append(span, position, "\""u8);
        position = Append(span, position, name);
        position = Append(span, position, "\":"u8);
        position = Append(span, position, value);
        if (atStart)
        {
            position = separator == 1 ? Append(span, position, ","u8) : position;
            position = Append(span, position, properties);
        }

        span[position] = (byte)'}';
        return result;
    }

    private static int Append(Span<byte> destination, int position, ReadOnlySpan<byte> source)
    {
        source.CopyTo(destination[position..]);
        return position + source.Length;
    }
}
