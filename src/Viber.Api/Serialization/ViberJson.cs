using System.Text.Encodings.Web;
using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Messages;

namespace Viber.Api.Serialization;

/// <summary>
/// Reads and writes Viber JSON the way this library does: source-generated (no reflection, AOT-safe), tolerant on
/// input, non-ASCII text written as UTF-8. The one public entry point to the library's JSON settings.
/// </summary>
public static class ViberJson
{
    /// <summary>
    /// Gets the context everything in this library reads and writes with: <see cref="ViberJsonContext"/>'s settings
    /// plus an encoder that writes non-ASCII text as UTF-8 instead of <c>\uXXXX</c> escapes. Viber's 30 KB request
    /// limit counts bytes: 7,000 Cyrillic characters are 14 KB as UTF-8 but 42 KB escaped.
    /// </summary>
    internal static ViberJsonContext Context { get; } = CreateContext();

    /// <summary>
    /// Gets the options everything in this library reads and writes with; read-only. Their type info resolver knows
    /// every callback, message and API type, so <c>ViberJson.Options.GetTypeInfo(typeof(UserDetails))</c> or adding
    /// <c>ViberJson.Options.TypeInfoResolver</c> to your own options' resolver chain serializes them without reflection.
    /// </summary>
    public static JsonSerializerOptions Options => Context.Options;

    /// <summary>Deserializes a callback body exactly as Viber posted it.</summary>
    /// <param name="utf8Json">The raw UTF-8 body.</param>
    /// <returns>The callback; an unknown event becomes <see cref="UnknownCallback"/>.</returns>
    /// <exception cref="JsonException">The body is not a JSON object, or a key appears twice in one object.</exception>
    public static ViberCallback DeserializeCallback(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, ViberJson.Context.ViberCallback)
            ?? throw new JsonException("The callback body is JSON null.");

    /// <summary>Serializes a callback as Viber posts it.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] SerializeCallback(ViberCallback callback)
        => JsonSerializer.SerializeToUtf8Bytes(callback, ViberJson.Context.ViberCallback);

    /// <summary>Serializes a message as its runtime type.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] SerializeMessage(ViberMessage message)
        => JsonSerializer.SerializeToUtf8Bytes(message, ViberJson.Context.ViberMessage);

    /// <summary>Deserializes a message; the concrete type follows its <c>type</c>.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The message.</returns>
    /// <exception cref="JsonException">The JSON is not a message object.</exception>
    public static ViberMessage DeserializeMessage(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, ViberJson.Context.ViberMessage)
            ?? throw new JsonException("The message is JSON null.");

    private static ViberJsonContext CreateContext()
    {
        var context = new ViberJsonContext(new JsonSerializerOptions(ViberJsonContext.Default.Options)
        {
            // Only HTML-sensitive characters are left unescaped; quotes, backslashes and control characters still are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // A key given twice has no single meaning (the converters' peek reads the first, the model the last), so a
            // body such as {"event":"webhook","event":"message"} is refused instead of read one way or the other.
            AllowDuplicateProperties = false,
        });

        // The options are public (Options): frozen now, so no caller can change how every other part of the app reads
        // and writes Viber JSON by adding a converter before the first call.
        context.Options.MakeReadOnly();
        return context;
    }
}
