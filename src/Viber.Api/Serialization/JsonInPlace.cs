using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Viber.Api.Serialization;

/// <summary>Reads a value where a custom converter's reader stands, with the converter of the value's own type.</summary>
internal static class JsonInPlace
{
    /// <summary>
    /// Reads an object of type <typeparamref name="T"/> with its own converter (from <paramref name="options"/>, so
    /// AOT-safe with the source-generated context). A custom converter is handed the whole value already buffered,
    /// and <c>JsonSerializer.Deserialize(ref reader, ...)</c> would first skip over all of it to scope a reader to
    /// it: one more walk over the JSON of every callback and message.
    /// </summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="reader">The reader, on the value's first token; left on its last, as a converter must.</param>
    /// <param name="options">The options of the converter calling this.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is not a valid <typeparamref name="T"/> (with the path of the failure), or is null.</exception>
    public static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : class
    {
        var typeInfo = TypeInfo<T>(options);
        var start = reader;
        T? value;
        try
        {
            value = ((JsonConverter<T>)typeInfo.Converter).Read(ref reader, typeof(T), options);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            // A converter called directly neither tracks where it failed nor turns the reader's errors (an
            // InvalidOperationException for a number where a string belongs) into a JsonException, and the error
            // must name the field (tracking_data: a string is required). The serializer's own entry reads the value
            // again from its start and throws the same failure as a JsonException with its path; bad input alone pays
            // for the second read.
            reader = start;
            value = JsonSerializer.Deserialize(ref reader, typeInfo);
        }

        return value ?? throw new JsonException($"A {typeof(T).Name} was read as null.");
    }

    /// <summary>Gets the metadata of <typeparamref name="T"/> from the options.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="options">The options.</param>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
        => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
