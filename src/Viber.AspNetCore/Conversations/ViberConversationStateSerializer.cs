using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Viber.AspNetCore.Conversations;

/// <summary>Turns typed conversation state into the store's bytes and back, with errors that name the type.</summary>
internal static class ViberConversationStateSerializer
{
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
    }

    public static T? Deserialize<T>(byte[]? bytes, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (bytes is null)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException exception)
        {
            // Usually the state's type changed between deployments; the stored bytes are not repeated (user data).
            throw new InvalidOperationException(
                $"The stored conversation state ({bytes.Length} bytes) is not JSON of type {typeof(T).Name} (it fails at path '{exception.Path ?? "$"}'). Remove it (RemoveAsync) or read it with the type that wrote it.",
                exception);
        }
    }
}
