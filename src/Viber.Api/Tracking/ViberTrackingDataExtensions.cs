using System.Text.Json.Serialization.Metadata;
using Viber.Api.Callbacks;
using Viber.Api.Messages;

namespace Viber.Api.Tracking;

/// <summary>
/// One-line typed <c>tracking_data</c>: <c>message.WithTrackingData(state, MyJsonContext.Default.OrderState)</c> on
/// the way out, <c>callback.GetTrackingData(MyJsonContext.Default.OrderState)</c> on the user's reply.
/// See <see cref="ViberTrackingData"/> for the rules.
/// </summary>
public static class ViberTrackingDataExtensions
{
    /// <summary>Sets the message's <c>tracking_data</c> to a value as JSON.</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="value">The value Viber returns with the user's reply.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <returns>The same message.</returns>
    /// <exception cref="ArgumentException">The JSON is longer than <see cref="ViberTrackingData.MaxLength"/> characters.</exception>
    public static TMessage WithTrackingData<TMessage, T>(this TMessage message, T value, JsonTypeInfo<T> typeInfo)
        where TMessage : ViberMessage
    {
        ArgumentNullException.ThrowIfNull(message);
        message.TrackingData = ViberTrackingData.Serialize(value, typeInfo);
        return message;
    }

    /// <summary>Reads the message's <c>tracking_data</c> as a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <returns>The value, or <see langword="default"/> when the message has no tracking data.</returns>
    /// <exception cref="ViberTrackingDataException">The tracking data is not JSON of this type.</exception>
    public static T? GetTrackingData<T>(this ViberMessage message, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ViberTrackingData.Deserialize(message.TrackingData, typeInfo);
    }

    /// <summary>Reads the message's <c>tracking_data</c> as a value without throwing on malformed data.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <param name="value">The value; <see langword="default"/> when absent or malformed.</param>
    /// <returns><see langword="false"/> only when tracking data is present but not JSON of this type.</returns>
    public static bool TryGetTrackingData<T>(this ViberMessage message, JsonTypeInfo<T> typeInfo, out T? value)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ViberTrackingData.TryDeserialize(message.TrackingData, typeInfo, out value);
    }

    /// <summary>Reads the <c>tracking_data</c> Viber returned with the user's message.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="callback">The user's message.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <returns>The value, or <see langword="default"/> when the message carries no tracking data.</returns>
    /// <exception cref="ViberTrackingDataException">The tracking data is not JSON of this type.</exception>
    public static T? GetTrackingData<T>(this MessageCallback callback, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return ViberTrackingData.Deserialize(callback.Message?.TrackingData, typeInfo);
    }

    /// <summary>Reads the <c>tracking_data</c> Viber returned with the user's message, without throwing on malformed data.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="callback">The user's message.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <param name="value">The value; <see langword="default"/> when absent or malformed.</param>
    /// <returns><see langword="false"/> only when tracking data is present but not JSON of this type.</returns>
    public static bool TryGetTrackingData<T>(this MessageCallback callback, JsonTypeInfo<T> typeInfo, out T? value)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return ViberTrackingData.TryDeserialize(callback.Message?.TrackingData, typeInfo, out value);
    }
}
