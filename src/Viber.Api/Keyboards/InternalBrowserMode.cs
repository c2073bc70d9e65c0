using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The size of the internal browser (`InternalBrowser.Mode`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<InternalBrowserMode>))]
public readonly record struct InternalBrowserMode(string Value) : IStringValue<InternalBrowserMode>
{
    private static readonly string[] KnownValues = ["fullscreen", "fullscreen-portrait", "fullscreen-landscape", "partial-size"];

    /// <summary>The <c>fullscreen</c> value.</summary>
    public static InternalBrowserMode Fullscreen { get; } = new("fullscreen");

    /// <summary>The <c>fullscreen-portrait</c> value.</summary>
    public static InternalBrowserMode FullscreenPortrait { get; } = new("fullscreen-portrait");

    /// <summary>The <c>fullscreen-landscape</c> value.</summary>
    public static InternalBrowserMode FullscreenLandscape { get; } = new("fullscreen-landscape");

    /// <summary>The <c>partial-size</c> value.</summary>
    public static InternalBrowserMode PartialSize { get; } = new("partial-size");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static InternalBrowserMode FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
