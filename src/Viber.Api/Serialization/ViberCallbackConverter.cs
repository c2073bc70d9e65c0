using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Viber.Api.Callbacks;

namespace Viber.Api.Serialization;

/// <summary>
/// Reads a <see cref="ViberCallback"/> as the subtype its <c>event</c> names (wherever it stands in the object),
/// and an unknown event as <see cref="UnknownCallback"/>. Writes the runtime type.
/// </summary>
internal sealed class ViberCallbackConverter : JsonConverter<ViberCallback>
{
    /// <inheritdoc />
    public override ViberCallback? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var eventName = JsonPeek.FindString(reader, "event"u8);
        switch (eventName)
        {
            case MessageCallback.EventName: return Read<MessageCallback>(ref reader, options);
            case DeliveredCallback.EventName: return Read<DeliveredCallback>(ref reader, options);
            case SeenCallback.EventName: return Read<SeenCallback>(ref reader, options);
            case SubscribedCallback.EventName: return Read<SubscribedCallback>(ref reader, options);
            case UnsubscribedCallback.EventName: return Read<UnsubscribedCallback>(ref reader, options);
            case ConversationStartedCallback.EventName: return Read<ConversationStartedCallback>(ref reader, options);
            case FailedCallback.EventName: return Read<FailedCallback>(ref reader, options);
            case WebhookCallback.EventName: return Read<WebhookCallback>(ref reader, options);
            case ClientStatusCallback.EventName: return Read<ClientStatusCallback>(ref reader, options);
            default:
                // Through the options, not JsonElement.ParseValue, so duplicate keys are refused here too.
                var raw = JsonSerializer.Deserialize(ref reader, TypeInfo<JsonElement>(options));
                var unknown = raw.Deserialize(TypeInfo<UnknownCallback>(options))!;
                unknown.RawJson = raw;
                return unknown;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ViberCallback value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    private static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : ViberCallback
        => JsonSerializer.Deserialize(ref reader, TypeInfo<T>(options))!;

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
        => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
