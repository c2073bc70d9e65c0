using System.Text;
using System.Text.Json;

namespace Viber.Api.Serialization;

/// <summary>Reads one top-level string property of a buffered JSON object without consuming the reader.</summary>
internal static class JsonPeek
{
    /// <summary>Finds a string property of the object the reader stands on.</summary>
    /// <param name="reader">A reader positioned on a StartObject token; it is copied, not advanced.</param>
    /// <param name="propertyName">The UTF-8 property name.</param>
    /// <param name="options">
    /// The options the object is read with next. When they refuse duplicate properties (as <see cref="ViberJson.Options"/>
    /// does), the peek stops at the first match, since reading the model refuses a second one anyway; otherwise it
    /// scans the whole object to refuse it itself.
    /// </param>
    /// <param name="names">The values expected, read as their constants (any other value is read as a new string).</param>
    /// <returns>The value, or <see langword="null"/> when the property is absent or not a string.</returns>
    /// <exception cref="JsonException">The property appears more than once (when the whole object is scanned).</exception>
    public static string? FindString(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName, JsonSerializerOptions options, WireNames names)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object, got {reader.TokenType}.");
        }

        // Custom converters receive a fully buffered value, so a copy of the reader can scan ahead safely. With the
        // key twice, this peek (first) and the model (last) would disagree on the type: a second one must be refused,
        // by the serializer as it reads the model (duplicates off, the default) or else here. Viber puts the key
        // first, so with duplicates off the peek reads two tokens instead of walking the whole object.
        var stopAtFirst = !options.AllowDuplicateProperties;
        string? value = null;
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMatch = reader.ValueTextEquals(propertyName);
            reader.Read();
            if (isMatch)
            {
                if (found)
                {
                    throw new JsonException($"The property '{Encoding.UTF8.GetString(propertyName)}' appears more than once.");
                }

                found = true;
                value = reader.TokenType == JsonTokenType.String ? names.Read(ref reader) : null;
                if (stopAtFirst)
                {
                    break;
                }
            }

            reader.Skip();
        }

        return value;
    }
}
