using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The size of a button's text (`TextSize`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<TextSize>))]
public readonly record struct TextSize(string Value) : IStringValue<TextSize>
{
    private static readonly string[] KnownValues = ["small", "regular", "large"];

    /// <summary>The <c>small</c> value.</summary>
    public static TextSize Small { get; } = new("small");

    /// <summary>The <c>regular</c> value.</summary>
    public static TextSize Regular { get; } = new("regular");

    /// <summary>The <c>large</c> value.</summary>
    public static TextSize Large { get; } = new("large");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static TextSize FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
