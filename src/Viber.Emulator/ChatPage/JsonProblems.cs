using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Viber.Emulator.ChatPage;

/// <summary>
/// Turns a <see cref="JsonException"/> from reading a page request into a problem in plain words: the field by its
/// JSON path and what it needs (<c>apiVersion: a whole number is required</c>), or where the JSON itself is broken,
/// rather than <c>The JSON value could not be converted to System.Nullable`1[System.Int32]</c>.
/// </summary>
internal static partial class JsonProblems
{
    /// <summary>Puts <paramref name="exception"/> in words.</summary>
    /// <param name="exception">What the serializer threw.</param>
    /// <param name="root">
    /// What was being read: its properties say what the field at the exception's path needed (the serializer's own
    /// message names the object being read, not the field's type).
    /// </param>
    public static ChatPageProblem From(JsonException exception, JsonTypeInfo? root = null)
    {
        // A reader failure (broken JSON) is a JsonReaderException, thrown as it is or wrapped with the path.
        if (exception.GetType() != typeof(JsonException) || exception.InnerException is JsonException)
        {
            return new ChatPageProblem($"The body is not valid JSON{Position(exception)}: {Plain(exception.Message)}", exception);
        }

        // A value of the wrong type is the one failure whose message says "could not be converted to"
        // (System.Text.Json's resources are English only); any other (a converter's own) is passed on by its path.
        var field = Field(exception.Path);
        if (!exception.Message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return field is null
                ? new ChatPageProblem("The body does not fit this request: " + Plain(exception.Message), exception)
                : ChatPageProblem.ForField(field, Plain(exception.Message), innerException: exception);
        }

        if (field is null)
        {
            return new ChatPageProblem($"The body must be {(root is null ? "a JSON object" : Describe(root.Type))}.", exception);
        }

        return Find(root, field) is { } type
            ? ChatPageProblem.ForField(field, Describe(type) + " is required", innerException: exception)
            : ChatPageProblem.ForField(field, "this value is of the wrong type", innerException: exception);
    }

    /// <summary><c>$.location.lat</c> becomes <c>location.lat</c>, <c>$['a b'][0]</c> becomes <c>a b[0]</c>; the root is no field.</summary>
    private static string? Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = QuotedName().Replace(path, ".$1");
        return field.StartsWith("$.", StringComparison.Ordinal) ? field[2..] : field.TrimStart('$');
    }

    /// <summary>The type of the property at <paramref name="field"/> (<c>location.lat</c>), walking the JSON names.</summary>
    private static Type? Find(JsonTypeInfo? root, string field)
    {
        var info = root;
        Type? type = null;
        foreach (var name in field.Split('.'))
        {
            var property = info?.Properties.FirstOrDefault(p => p.Name == name);
            if (property is null)
            {
                return null; // An array index or a name the type does not have.
            }

            type = property.PropertyType;
            info = info!.Options.TryGetTypeInfo(type, out var next) ? next : null;
        }

        return type;
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) ? "a string"
            : t == typeof(bool) ? "true or false"
            : t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong) ? "a whole number"
            : t == typeof(double) || t == typeof(float) || t == typeof(decimal) ? "a number"
            : t == typeof(DateTimeOffset) || t == typeof(DateTime) ? "a date and time"
            : t != typeof(JsonElement) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? "a JSON array"
            : "a JSON object";
    }

    private static string Position(JsonException exception)
        => exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {position + 1})")
            : string.Empty;

    /// <summary>The message without the path and position the serializer appends (they are said in words instead).</summary>
    private static string Plain(string message) => Suffix().Replace(message, string.Empty).TrimEnd('.', ' ') + ".";

    [GeneratedRegex(@"\[\'([^\']*)\'\]")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"\s*(Path:|LineNumber:).*$", RegexOptions.Singleline)]
    private static partial Regex Suffix();
}
