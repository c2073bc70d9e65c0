using System.Globalization;
using System.Text.Json;
using Viber.Api;
using Viber.Api.Serialization;

namespace Viber.Emulator.Api;

/// <summary>
/// Reads request bodies tolerantly, as Viber does: any JSON object is accepted, anything else is bad data; a
/// required field that is absent is missing data (4), one of the wrong type bad data (3).
/// </summary>
internal static class ApiJson
{
    public static bool TryParseObject(ReadOnlyMemory<byte> body, out JsonElement root)
    {
        try
        {
            root = JsonSerializer.Deserialize(body.Span, ViberJson.Context.JsonElement);
        }
        catch (JsonException)
        {
            // Not JSON at all: the caller answers 3 badData, which is what this outcome means.
            root = default;
            return false;
        }

        return root.ValueKind == JsonValueKind.Object;
    }

    /// <summary>Reads a required, non-empty string property.</summary>
    /// <returns>The error answer, or <see langword="null"/> when <paramref name="value"/> was read.</returns>
    public static ApiResult? RequireString(JsonElement root, string name, out string value)
    {
        value = string.Empty;
        if (!root.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return ApiResult.Error(ViberStatus.MissingData, $"{name} is required");
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return ApiResult.Error(ViberStatus.BadData, $"{name} must be a string");
        }

        value = property.GetString()!;
        return value.Length == 0 ? ApiResult.Error(ViberStatus.MissingData, $"{name} is required") : null;
    }

    /// <summary>Reads a required array of 1 to <paramref name="max"/> strings.</summary>
    /// <returns>The error answer, or <see langword="null"/> when <paramref name="values"/> was read.</returns>
    public static ApiResult? RequireStringArray(JsonElement root, string name, int max, out List<string> values)
    {
        values = [];
        if (!root.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return ApiResult.Error(ViberStatus.MissingData, $"{name} is required");
        }

        if (property.ValueKind != JsonValueKind.Array || property.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            return ApiResult.Error(ViberStatus.BadData, $"{name} must be an array of user ids");
        }

        values = [.. property.EnumerateArray().Select(item => item.GetString()!)];
        return values.Count == 0 ? ApiResult.Error(ViberStatus.MissingData, $"{name} must list at least one user id")
            : values.Count > max ? ApiResult.Error(ViberStatus.BadData, string.Create(CultureInfo.InvariantCulture, $"{name} has {values.Count} ids; at most {max} are allowed"))
            : null;
    }
}
