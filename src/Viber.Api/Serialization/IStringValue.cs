namespace Viber.Api.Serialization;

/// <summary>
/// A string-backed value of one of Viber's documented string enumerations. Values Viber adds later
/// are kept as they are, so they survive a round trip instead of failing deserialization.
/// </summary>
/// <typeparam name="TSelf">The implementing value type.</typeparam>
internal interface IStringValue<TSelf>
    where TSelf : struct, IStringValue<TSelf>
{
    /// <summary>Gets the wire value.</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    static abstract TSelf FromString(string value);
}
