using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Viber.Api.Serialization;

/// <summary>
/// Reads a string property whose value is one of a set of <see cref="WireNames"/> as the library's constant; anything
/// but a JSON string, and every write, goes to the serializer's own string converter, so errors and output are the
/// same as without it.
/// </summary>
/// <param name="names">The names.</param>
internal abstract class WireNameConverter(WireNames names) : JsonConverter<string>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String
            ? names.Read(ref reader)
            : JsonMetadataServices.StringConverter.Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        => JsonMetadataServices.StringConverter.Write(writer, value, options);
}
