using Viber.Api.Messages;

namespace Viber.Api.Validation;

/// <summary>
/// Computes the <c>min_api_version</c> a message needs from the features it uses (keyboard and button
/// parameters of API levels 3, 4 and 6; rich media), and sets it.
/// </summary>
/// <remarks>
/// It lives beside the message validation because it is the same rule table the client enforces before sending:
/// a message whose <see cref="ViberMessage.MinApiVersion"/> is set below what its features need is refused.
/// </remarks>
public static class MinApiVersion
{
    /// <summary>Viber's default when a message carries no <c>min_api_version</c>.</summary>
    public const int Default = 1;

    /// <summary>Returns the lowest client API version that supports every feature the message uses.</summary>
    /// <param name="message">The message.</param>
    /// <returns>
    /// The highest "Min API" of the features used: 3 for CustomDefaultHeight, HeightScale and InternalBrowser;
    /// 4 for the keyboard's ButtonsGroupColumns/Rows, InputFieldState, TextPaddings and <c>&lt;s&gt;</c> or
    /// <c>&lt;font size&gt;</c> in button text; 6 for FavoritesMetadata, BgMediaScaleType, ImageScaleType,
    /// TextShouldFit, Map, Frame, MediaPlayer, InternalBrowser.ActionReplyData and send-to-bot; at least 2 for rich
    /// media; otherwise <see cref="Default"/>.
    /// </returns>
    public static int Required(ViberMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return MinApiFeatures.Highest(message, includeRecommended: true).Version;
    }

    /// <summary>
    /// Raises the message's <see cref="ViberMessage.MinApiVersion"/> to <see cref="Required"/> when it is lower.
    /// A higher value already set is kept; an unset value stays unset when nothing needs more than 1.
    /// </summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="message">The message, changed in place.</param>
    /// <returns>The same message, for chaining.</returns>
    public static T WithRequiredMinApiVersion<T>(this T message)
        where T : ViberMessage
    {
        var required = Required(message);
        if (required > (message.MinApiVersion ?? Default))
        {
            message.MinApiVersion = required;
        }

        return message;
    }
}
