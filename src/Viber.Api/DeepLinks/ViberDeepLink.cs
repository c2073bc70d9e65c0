using System.Text;

namespace Viber.Api.DeepLinks;

/// <summary>
/// Builds Viber's deep links (Viber API documentation, Tools, "Deep Links"): <c>viber://pa?chatURI=...</c> opens the
/// conversation and fires <c>conversation_started</c> with the link's <c>context</c>
/// (<see cref="Callbacks.ConversationStartedCallback.Context"/>); <c>viber://pa/info?uri=...</c> opens the bot's info
/// screen. Every value is percent-escaped (RFC 3986), so any text, JSON or emoji survives the trip.
/// </summary>
/// <remarks>
/// Limits: the documentation says the context "has no length limit (up to URL length limit)" and gives none for
/// <c>text</c>, so none is enforced here; keep links short enough for where they are shown (a QR code, a web page,
/// a message). The bot's URI is the <c>uri</c> of get_account_info or the admin panel.
/// </remarks>
public static class ViberDeepLink
{
    /// <summary>The scheme and path of a deep link that opens the conversation.</summary>
    public const string ConversationPrefix = "viber://pa";

    /// <summary>The scheme and path of a deep link that opens the bot's info screen (Android and iOS only).</summary>
    public const string InfoPrefix = "viber://pa/info";

    /// <summary>Builds a link that opens the conversation with the bot.</summary>
    /// <param name="chatUri">The bot's URI, such as <c>mybot</c>.</param>
    /// <param name="context">Passed to the bot in conversation_started's <c>context</c>; none when <see langword="null"/>.</param>
    /// <param name="text">Put in the user's input field, to send, edit or delete; none when <see langword="null"/>.</param>
    /// <returns>The link, such as <c>viber://pa?chatURI=mybot&amp;context=promo%2042</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="chatUri"/> is empty or contains white space.</exception>
    public static string Conversation(string chatUri, string? context = null, string? text = null)
    {
        ValidateUri(chatUri, nameof(chatUri));
        var link = new StringBuilder(ConversationPrefix).Append("?chatURI=").Append(Uri.EscapeDataString(chatUri));
        if (context is not null)
        {
            link.Append("&context=").Append(Uri.EscapeDataString(context));
        }

        if (text is not null)
        {
            link.Append("&text=").Append(Uri.EscapeDataString(text));
        }

        return link.ToString();
    }

    /// <summary>Builds a link that opens the bot's info screen (not supported on Desktop).</summary>
    /// <param name="uri">The bot's URI, such as <c>mybot</c>.</param>
    /// <returns>The link, such as <c>viber://pa/info?uri=mybot</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is empty or contains white space.</exception>
    public static string Info(string uri)
    {
        ValidateUri(uri, nameof(uri));
        return InfoPrefix + "?uri=" + Uri.EscapeDataString(uri);
    }

    private static void ValidateUri(string uri, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri, parameterName);
        if (uri.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The bot's URI (get_account_info's uri) has no white space; was the bot's name passed instead?", parameterName);
        }
    }
}
