using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Viber.Api.Serialization;

namespace Viber.Api.Validation;

/// <summary>
/// The primitive rules the message, keyboard and button rules are built from. Each throws
/// <see cref="ViberValidationException"/> with the field's JSON path. Rule texts carry lengths and numbers,
/// never the text of a string field (it may hold user data or a signed URL).
/// </summary>
internal static class Check
{
    /// <summary>The field must be present and not empty.</summary>
    public static void Required([NotNull] string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ViberValidationException(field, "is required and must not be empty");
        }
    }

    /// <summary>The object or value must be present.</summary>
    public static void Present([NotNull] object? value, string field)
    {
        if (value is null)
        {
            throw new ViberValidationException(field, "is required");
        }
    }

    /// <summary>The string, when set, must be at most <paramref name="max"/> UTF-16 characters.</summary>
    public static void MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
        {
            throw new ViberValidationException(field, Invariant($"must be at most {max} characters, was {value.Length}"));
        }
    }

    /// <summary>The string must be present, not empty and at most <paramref name="max"/> characters.</summary>
    public static void RequiredMaxLength([NotNull] string? value, int max, string field)
    {
        Required(value, field);
        MaxLength(value, max, field);
    }

    /// <summary>The number, when set, must be within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static void Range(long? value, long min, long max, string field, string unit = "")
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new ViberValidationException(field, Invariant($"must be between {min} and {max}{unit}, was {v}"));
        }
    }

    /// <summary>The number, when set, must be at least <paramref name="min"/>.</summary>
    public static void AtLeast(long? value, long min, string field)
    {
        if (value is { } v && v < min)
        {
            throw new ViberValidationException(field, Invariant($"must be at least {min}, was {v}"));
        }
    }

    /// <summary>The coordinate, when set, must be a finite number within ±<paramref name="limit"/>.</summary>
    public static void Coordinate(double? value, double limit, string field)
    {
        if (value is { } v && !(Math.Abs(v) <= limit))
        {
            // !(<=) also catches NaN, which compares false with everything.
            throw new ViberValidationException(field, Invariant($"must be a number between {-limit} and {limit}, was {v}"));
        }
    }

    /// <summary>The colour, when set, must be <c>#RRGGBB</c>.</summary>
    public static void HexColor(string? value, string field)
    {
        if (value is not null && !IsHexColor(value))
        {
            // A colour is not user data; echoing it makes the mistake obvious ("red", "#FFF").
            throw new ViberValidationException(field, $"must be a colour in the form #RRGGBB, was '{value}'");
        }
    }

    /// <summary>The URL, when set, must be absolute with the http or https scheme.</summary>
    public static void OptionalHttpUrl(string? value, string field)
    {
        if (value is not null)
        {
            _ = ParseHttpUrl(value, field);
        }
    }

    /// <summary>The URL must be absolute with the http or https scheme; returns it parsed.</summary>
    public static Uri ParseHttpUrl(string value, string field)
    {
        if (!HttpUrl.TryParse(value, out var uri))
        {
            throw new ViberValidationException(field, "must be an absolute http or https URL");
        }

        return uri;
    }

    /// <summary>The URL must be absolute (any scheme, so deep links such as <c>viber://</c> pass).</summary>
    public static void AbsoluteUrl(string value, string field)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            throw new ViberValidationException(field, "must be an absolute URL");
        }
    }

    /// <summary>The value, when set, must be one Viber documents. Unknown values are fine on input, not on output.</summary>
    public static void OneOf<T>(T? value, string field, params ReadOnlySpan<T> documented)
        where T : struct, IStringValue<T>, IEquatable<T>
    {
        if (value is { } v && !documented.Contains(v))
        {
            var names = new string[documented.Length];
            for (var i = 0; i < documented.Length; i++)
            {
                names[i] = documented[i].Value;
            }

            throw new ViberValidationException(field, $"must be one of {string.Join(", ", names)}; was '{v.Value}'");
        }
    }

    /// <summary>Formats with the invariant culture, so rule texts do not depend on the machine.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool IsHexColor(string value)
    {
        if (value.Length != 7 || value[0] != '#')
        {
            return false;
        }

        foreach (var c in value.AsSpan(1))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
