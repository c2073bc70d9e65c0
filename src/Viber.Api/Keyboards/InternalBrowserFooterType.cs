using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>Whether the internal browser shows its footer (`InternalBrowser.FooterType`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<InternalBrowserFooterType>))]
public readonly record struct InternalBrowserFooterType(string Value) : IStringValue<InternalBrowserFooterType>
{
    private static readonly string[] KnownValues = ["default", "hidden"];

    /// <summary>The <c>default</c> value.</summary>
    public static InternalBrowserFooterType Default { get; } = new("default");

    /// <summary>The <c>hidden</c> value.</summary>
    public static InternalBrowserFooterType Hidden { get; } = new("hidden");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static InternalBrowserFooterType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
