using System.Text.Json;
using System.Text.Json.Serialization;
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

        var type = JsonPeek.FindString(reader, "type"u8, options, WireNames.MessageTypes);
        switch (type)
        {
            case MessageTypes.Text: return JsonInPlace.Read<TextMessage>(ref reader, options);
            case MessageTypes.Picture: return JsonInPlace.Read<PictureMessage>(ref reader, options);
            case MessageTypes.Video: return JsonInPlace.Read<VideoMessage>(ref reader, options);
            case MessageTypes.File: return JsonInPlace.Read<FileMessage>(ref reader, options);
            case MessageTypes.Location: return JsonInPlace.Read<LocationMessage>(ref reader, options);
            case MessageTypes.Contact: return JsonInPlace.Read<ContactMessage>(ref reader, options);
            case MessageTypes.Sticker: return JsonInPlace.Read<StickerMessage>(ref reader, options);
            case MessageTypes.Url: return JsonInPlace.Read<UrlMessage>(ref reader, options);
            case MessageTypes.RichMedia: return JsonInPlace.Read<RichMediaMessage>(ref reader, options);
            case null when HasProperty(reader, "keyboard"u8) && !HasProperty(reader, "type"u8):
                return JsonInPlace.Read<KeyboardMessage>(ref reader, options);
            default:
                // Through the options, not JsonElement.ParseValue, so duplicate keys are refused here too.
                var raw = JsonSerializer.Deserialize(ref reader, JsonInPlace.TypeInfo<JsonElement>(options));
                var unknown = raw.Deserialize(JsonInPlace.TypeInfo<UnknownMessage>(options))!;
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
}
