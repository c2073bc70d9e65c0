using System.Text.Json;
using System.Text.Json.Serialization;
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

        var eventName = JsonPeek.FindString(reader, "event"u8, options, WireNames.Events);
        switch (eventName)
        {
            case MessageCallback.EventName: return JsonInPlace.Read<MessageCallback>(ref reader, options);
            case DeliveredCallback.EventName: return JsonInPlace.Read<DeliveredCallback>(ref reader, options);
            case SeenCallback.EventName: return JsonInPlace.Read<SeenCallback>(ref reader, options);
            case SubscribedCallback.EventName: return JsonInPlace.Read<SubscribedCallback>(ref reader, options);
            case UnsubscribedCallback.EventName: return JsonInPlace.Read<UnsubscribedCallback>(ref reader, options);
            case ConversationStartedCallback.EventName: return JsonInPlace.Read<ConversationStartedCallback>(ref reader, options);
            case FailedCallback.EventName: return JsonInPlace.Read<FailedCallback>(ref reader, options);
            case WebhookCallback.EventName: return JsonInPlace.Read<WebhookCallback>(ref reader, options);
            case ClientStatusCallback.EventName: return JsonInPlace.Read<ClientStatusCallback>(ref reader, options);
            default:
                // Through the options, not JsonElement.ParseValue, so duplicate keys are refused here too.
                var raw = JsonSerializer.Deserialize(ref reader, JsonInPlace.TypeInfo<JsonElement>(options));
                var unknown = raw.Deserialize(JsonInPlace.TypeInfo<UnknownCallback>(options))!;
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
}
