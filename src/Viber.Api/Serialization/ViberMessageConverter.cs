using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Viber.Api.Messages;

namespace Viber.Api.Serialization;

/// <summary>
/// Reads a <see cref="ViberMessage"/> as the subtype its <c>type</c> names; no type with a keyboard is a
/// <see cref="KeyboardMessage"/>, anything else an <see cref="UnknownMessage"/>. Writes the runtime type.
/// </summary>
internal sealed class ViberMessageConverter : JsonConverter<ViberMessage>
{
    /// <inheritdoc />
    public override ViberMessage? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var type = JsonPeek.FindString(reader, "type"u8);
        switch (type)
        {
            case MessageTypes.Text: return Read<TextMessage>(ref reader, options);
            case MessageTypes.Picture: return Read<PictureMessage>(ref reader, options);
            case MessageTypes.Video: return Read<VideoMessage>(ref reader, options);
            case MessageTypes.File: return Read<FileMessage>(ref reader, options);
            case MessageTypes.Location: return Read<LocationMessage>(ref reader, options);
            case MessageTypes.Contact: return Read<ContactMessage>(ref reader, options);
            case MessageTypes.Sticker: return Read<StickerMessage>(ref reader, options);
            case MessageTypes.Url: return Read<UrlMessage>(ref reader, options);
            case MessageTypes.RichMedia: return Read<RichMediaMessage>(ref reader, options);
            case null when HasProperty(reader, "keyboard"u8) && !HasProperty(reader, "type"u8):
                return Read<KeyboardMessage>(ref reader, options);
            default:
                // Through the options, not JsonElement.ParseValue, so duplicate keys are refused here too.
                var raw = JsonSerializer.Deserialize(ref reader, TypeInfo<JsonElement>(options));
                var unknown = raw.Deserialize(TypeInfo<UnknownMessage>(options))!;
                unknown.RawJson = raw;
                return unknown;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ViberMessage value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    private static bool HasProperty(Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }

    private static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : ViberMessage
        => JsonSerializer.Deserialize(ref reader, TypeInfo<T>(options))!;

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
        => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
