using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The vertical alignment of a button's text (`TextVAlign`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<TextVerticalAlign>))]
public readonly record struct TextVerticalAlign(string Value) : IStringValue<TextVerticalAlign>
{
    private static readonly string[] KnownValues = ["top", "middle", "bottom"];

    /// <summary>The <c>top</c> value.</summary>
    public static TextVerticalAlign Top { get; } = new("top");

    /// <summary>The <c>middle</c> value.</summary>
    public static TextVerticalAlign Middle { get; } = new("middle");

    /// <summary>The <c>bottom</c> value.</summary>
    public static TextVerticalAlign Bottom { get; } = new("bottom");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static TextVerticalAlign FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
