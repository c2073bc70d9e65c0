using System.Text.Json;
using Viber.Api.Serialization;

namespace Viber.Testing.Api;

/// <summary>Reads request bodies tolerantly, as Viber does: any JSON object is accepted, anything else is bad data.</summary>
internal static class ApiJson
{
    public static bool TryParseObject(ReadOnlyMemory<byte> body, out JsonElement root)
    {
        try
        {
            root = JsonSerializer.Deserialize(body.Span, ViberJsonContext.Default.JsonElement);
        }
        catch (JsonException)
        {
            // Not JSON at all: the caller answers 3 badData, which is what this outcome means.
            root = default;
            return false;
        }

        return root.ValueKind == JsonValueKind.Object;
    }

    /// <summary>Reads a string property; <see langword="null"/> when absent or JSON null.</summary>
    /// <returns><see langword="false"/> when the property has another type.</returns>
    public static bool TryGetString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = property.GetString();
        return true;
    }

    /// <summary>Reads an array of strings; <see langword="null"/> when absent or JSON null.</summary>
    /// <returns><see langword="false"/> when the property is not an array of strings.</returns>
    public static bool TryGetStringArray(JsonElement root, string name, out List<string>? values)
    {
        values = null;
        if (!root.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        values = [];
        foreach (var item in property.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            values.Add(item.GetString()!);
        }

        return true;
    }
}
