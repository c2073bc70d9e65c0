using System.Text.Json.Serialization;
using Viber.Api.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>The kind of media an `open-url` button opens (`OpenURLMediaType`). Unknown values are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(StringValueConverter<OpenUrlMediaType>))]
public readonly record struct OpenUrlMediaType(string Value) : IStringValue<OpenUrlMediaType>
{
    private static readonly string[] KnownValues = ["not-media", "video", "gif", "picture", "audio"];

    /// <summary>The <c>not-media</c> value.</summary>
    public static OpenUrlMediaType NotMedia { get; } = new("not-media");

    /// <summary>The <c>video</c> value.</summary>
    public static OpenUrlMediaType Video { get; } = new("video");

    /// <summary>The <c>gif</c> value.</summary>
    public static OpenUrlMediaType Gif { get; } = new("gif");

    /// <summary>The <c>picture</c> value.</summary>
    public static OpenUrlMediaType Picture { get; } = new("picture");

    /// <summary>The <c>audio</c> value.</summary>
    public static OpenUrlMediaType Audio { get; } = new("audio");

    /// <summary>Gets a value indicating whether the value is one Viber documents.</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <inheritdoc />
    public static OpenUrlMediaType FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
