using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>How the text input field is shown with a keyboard (`InputFieldState`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<InputFieldState>))]
public readonly record struct InputFieldState(string Value) : IStringValue<InputFieldState>
{
    private static readonly string[] KnownValues = ["regular", "minimized", "hidden"];

    /// <summary>The <c>regular</c> value.</summary>
    public static InputFieldState Regular { get; } = new("regular");

    /// <summary>The <c>minimized</c> value.</summary>
    public static InputFieldState Minimized { get; } = new("minimized");

    /// <summary>The <c>hidden</c> value.</summary>
    public static InputFieldState Hidden { get; } = new("hidden");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static InputFieldState FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
