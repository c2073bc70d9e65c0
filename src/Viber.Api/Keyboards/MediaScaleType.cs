using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>How a button's image or background media is scaled (`ImageScaleType`, `BgMediaScaleType`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<MediaScaleType>))]
public readonly record struct MediaScaleType(string Value) : IStringValue<MediaScaleType>
{
    private static readonly string[] KnownValues = ["crop", "fill", "fit"];

    /// <summary>The <c>crop</c> value.</summary>
    public static MediaScaleType Crop { get; } = new("crop");

    /// <summary>The <c>fill</c> value.</summary>
    public static MediaScaleType Fill { get; } = new("fill");

    /// <summary>The <c>fit</c> value.</summary>
    public static MediaScaleType Fit { get; } = new("fit");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static MediaScaleType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
