using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Messages;

namespace Viber.Api.Serialization;

/// <summary>Reads and writes Viber JSON with <see cref="ViberJsonContext"/>.</summary>
public static class ViberJson
{
    /// <summary>Gets the options of the default <see cref="ViberJsonContext"/>.</summary>
    public static JsonSerializerOptions Options => ViberJsonContext.Default.Options;

    /// <summary>Deserializes a callback body exactly as Viber posted it.</summary>
    /// <param name="utf8Json">The raw UTF-8 body.</param>
    /// <returns>The callback; an unknown event becomes <see cref="UnknownCallback"/>.</returns>
    /// <exception cref="JsonException">The body is not a JSON object.</exception>
    public static ViberCallback DeserializeCallback(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, ViberJsonContext.Default.ViberCallback)
            ?? throw new JsonException("The callback body is JSON null.");

    /// <summary>Serializes a callback as Viber posts it.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] SerializeCallback(ViberCallback callback)
        => JsonSerializer.SerializeToUtf8Bytes(callback, ViberJsonContext.Default.ViberCallback);

    /// <summary>Serializes a message as its runtime type.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] SerializeMessage(ViberMessage message)
        => JsonSerializer.SerializeToUtf8Bytes(message, ViberJsonContext.Default.ViberMessage);

    /// <summary>Deserializes a message; the concrete type follows its <c>type</c>.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The message.</returns>
    /// <exception cref="JsonException">The JSON is not a message object.</exception>
    public static ViberMessage DeserializeMessage(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, ViberJsonContext.Default.ViberMessage)
            ?? throw new JsonException("The message is JSON null.");
}
