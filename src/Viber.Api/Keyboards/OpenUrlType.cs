using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>Where an `open-url` button opens its URL (`OpenURLType`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<OpenUrlType>))]
public readonly record struct OpenUrlType(string Value) : IStringValue<OpenUrlType>
{
    private static readonly string[] KnownValues = ["internal", "external"];

    /// <summary>The <c>internal</c> value.</summary>
    public static OpenUrlType Internal { get; } = new("internal");

    /// <summary>The <c>external</c> value.</summary>
    public static OpenUrlType External { get; } = new("external");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static OpenUrlType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
