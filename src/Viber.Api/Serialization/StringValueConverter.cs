using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Serialization;

/// <summary>Reads and writes an <see cref="IStringValue{TSelf}"/> as a JSON string, keeping unknown values.</summary>
/// <typeparam name="T">The string-backed value type.</typeparam>
internal sealed class StringValueConverter<T> : JsonConverter<T>
    where T : struct, IStringValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Viber documents these as strings; a number or bool here is a protocol error worth surfacing.
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name}, got {reader.TokenType}.");
        }

        return T.FromString(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value ?? string.Empty);
    }
}
