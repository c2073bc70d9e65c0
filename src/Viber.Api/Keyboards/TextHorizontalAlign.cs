using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The horizontal alignment of a button's text (`TextHAlign`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<TextHorizontalAlign>))]
public readonly record struct TextHorizontalAlign(string Value) : IStringValue<TextHorizontalAlign>
{
    private static readonly string[] KnownValues = ["left", "center", "right"];

    /// <summary>The <c>left</c> value.</summary>
    public static TextHorizontalAlign Left { get; } = new("left");

    /// <summary>The <c>center</c> value.</summary>
    public static TextHorizontalAlign Center { get; } = new("center");

    /// <summary>The <c>right</c> value.</summary>
    public static TextHorizontalAlign Right { get; } = new("right");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static TextHorizontalAlign FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
