using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The action button of the internal browser (`InternalBrowser.ActionButton`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<InternalBrowserActionButton>))]
public readonly record struct InternalBrowserActionButton(string Value) : IStringValue<InternalBrowserActionButton>
{
    private static readonly string[] KnownValues = ["forward", "send", "open-externally", "send-to-bot", "none"];

    /// <summary>The <c>forward</c> value.</summary>
    public static InternalBrowserActionButton Forward { get; } = new("forward");

    /// <summary>The <c>send</c> value.</summary>
    public static InternalBrowserActionButton Send { get; } = new("send");

    /// <summary>The <c>open-externally</c> value.</summary>
    public static InternalBrowserActionButton OpenExternally { get; } = new("open-externally");

    /// <summary>The <c>send-to-bot</c> value.</summary>
    public static InternalBrowserActionButton SendToBot { get; } = new("send-to-bot");

    /// <summary>The <c>none</c> value.</summary>
    public static InternalBrowserActionButton None { get; } = new("none");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static InternalBrowserActionButton FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
