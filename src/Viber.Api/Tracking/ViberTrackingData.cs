using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Viber.Api.Tracking;

/// <summary>
/// Typed <c>tracking_data</c>: a value the bot sends with a message as JSON (through a source-generated
/// <see cref="JsonTypeInfo{T}"/> of the app's own <c>JsonSerializerContext</c>) and reads back from the user's reply,
/// which Viber returns with the same <c>tracking_data</c> (REST Bot API, send_message, "tracking_data").
/// </summary>
/// <remarks>
/// Reading: absent (<see langword="null"/> or empty) tracking data gives <see langword="default"/>; tracking data
/// that is not JSON of the expected shape throws <see cref="ViberTrackingDataException"/> from
/// <see cref="Deserialize{T}"/> and returns <see langword="false"/> from <see cref="TryDeserialize{T}"/>.
/// A <c>subscribed</c> event clears Viber's tracking data, so a value may be absent even after it was sent.
/// </remarks>
public static class ViberTrackingData
{
    /// <summary>
    /// The most characters <c>tracking_data</c> may hold: 4,096 (REST Bot API, send_message; the newer Creators Hub
    /// pages say 4,000, so a value meant for both stays under that).
    /// </summary>
    public const int MaxLength = Validation.EnvelopeRules.MaxTrackingDataLength;

    /// <summary>Serializes a value for <c>tracking_data</c>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <returns>The JSON text, at most <see cref="MaxLength"/> characters.</returns>
    /// <exception cref="ArgumentException">The JSON is longer than <see cref="MaxLength"/> characters.</exception>
    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var json = JsonSerializer.Serialize(value, typeInfo);
        if (json.Length > MaxLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {typeof(T).Name} tracking data is {json.Length} characters as JSON; Viber's tracking_data holds at most {MaxLength}. Keep the state smaller or store it in IViberConversationStore and send only a key."),
                nameof(value));
        }

        return json;
    }

    /// <summary>Reads a value written by <see cref="Serialize{T}"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="trackingData">The message's <c>tracking_data</c>.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <returns>The value, or <see langword="default"/> when the tracking data is absent or empty.</returns>
    /// <exception cref="ViberTrackingDataException">The tracking data is not JSON of this type.</exception>
    public static T? Deserialize<T>(string? trackingData, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (string.IsNullOrEmpty(trackingData))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(trackingData, typeInfo);
        }
        catch (JsonException exception)
        {
            // Neither the text nor the JSON error's message (which quotes the text) is repeated: it came back from a
            // user's client. The position says where it broke.
            throw new ViberTrackingDataException(
                string.Create(CultureInfo.InvariantCulture, $"The tracking_data ({trackingData.Length} characters) is not JSON of type {typeof(T).Name}: it fails at path '{exception.Path ?? "$"}', position {exception.BytePositionInLine ?? 0}. Was it written by WithTrackingData with the same type?"),
                exception);
        }
    }

    /// <summary>Reads a value written by <see cref="Serialize{T}"/>, without throwing on malformed tracking data.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="trackingData">The message's <c>tracking_data</c>.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <param name="value">The value; <see langword="default"/> when absent or malformed.</param>
    /// <returns>
    /// <see langword="true"/> when the tracking data is absent (<paramref name="value"/> is <see langword="default"/>)
    /// or is JSON of this type; <see langword="false"/> when it is something else, such as text another part of the
    /// bot wrote.
    /// </returns>
    public static bool TryDeserialize<T>(string? trackingData, JsonTypeInfo<T> typeInfo, out T? value)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        value = default;
        if (string.IsNullOrEmpty(trackingData))
        {
            return true;
        }

        try
        {
            value = JsonSerializer.Deserialize(trackingData, typeInfo);
            return true;
        }
        catch (JsonException)
        {
            // The Try contract: malformed data is reported by the return value, not an exception.
            return false;
        }
    }
}
