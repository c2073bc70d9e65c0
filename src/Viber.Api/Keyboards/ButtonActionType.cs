using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The action a button performs when tapped (`ActionType`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<ButtonActionType>))]
public readonly record struct ButtonActionType(string Value) : IStringValue<ButtonActionType>
{
    private static readonly string[] KnownValues = ["reply", "open-url", "location-picker", "share-phone", "none", "buy"];

    /// <summary>The <c>reply</c> value.</summary>
    public static ButtonActionType Reply { get; } = new("reply");

    /// <summary>The <c>open-url</c> value.</summary>
    public static ButtonActionType OpenUrl { get; } = new("open-url");

    /// <summary>The <c>location-picker</c> value.</summary>
    public static ButtonActionType LocationPicker { get; } = new("location-picker");

    /// <summary>The <c>share-phone</c> value.</summary>
    public static ButtonActionType SharePhone { get; } = new("share-phone");

    /// <summary>The <c>none</c> value.</summary>
    public static ButtonActionType None { get; } = new("none");

    /// <summary>The <c>buy</c> value.</summary>
    public static ButtonActionType Buy { get; } = new("buy");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static ButtonActionType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
