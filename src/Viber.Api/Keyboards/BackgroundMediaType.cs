using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The kind of a button's background media (`BgMediaType`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<BackgroundMediaType>))]
public readonly record struct BackgroundMediaType(string Value) : IStringValue<BackgroundMediaType>
{
    private static readonly string[] KnownValues = ["picture", "gif"];

    /// <summary>The <c>picture</c> value.</summary>
    public static BackgroundMediaType Picture { get; } = new("picture");

    /// <summary>The <c>gif</c> value.</summary>
    public static BackgroundMediaType Gif { get; } = new("gif");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static BackgroundMediaType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
