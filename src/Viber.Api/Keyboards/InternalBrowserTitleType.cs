using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>How the internal browser picks its title (`InternalBrowser.TitleType`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<InternalBrowserTitleType>))]
public readonly record struct InternalBrowserTitleType(string Value) : IStringValue<InternalBrowserTitleType>
{
    private static readonly string[] KnownValues = ["domain", "default"];

    /// <summary>The <c>domain</c> value.</summary>
    public static InternalBrowserTitleType Domain { get; } = new("domain");

    /// <summary>The <c>default</c> value.</summary>
    public static InternalBrowserTitleType Default { get; } = new("default");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static InternalBrowserTitleType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
