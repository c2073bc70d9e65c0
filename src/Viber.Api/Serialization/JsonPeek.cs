using System.Text.Json;

namespace Viber.Api.Serialization;

/// <summary>Reads one top-level string property of a buffered JSON object without consuming the reader.</summary>
internal static class JsonPeek
{
    /// <summary>Finds a string property of the object the reader stands on.</summary>
    /// <param name="reader">A reader positioned on a StartObject token; it is copied, not advanced.</param>
    /// <param name="propertyName">The UTF-8 property name.</param>
    /// <returns>The value, or <see langword="null"/> when the property is absent or not a string.</returns>
    public static string? FindString(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object, got {reader.TokenType}.");
        }

        // Custom converters receive a fully buffered value, so a copy of the reader can scan ahead safely.
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMatch = reader.ValueTextEquals(propertyName);
            reader.Read();
            if (isMatch)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }
}
