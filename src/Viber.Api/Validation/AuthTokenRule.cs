using System.Text;

namespace Viber.Api.Validation;

/// <summary>
/// The rule for a bot's auth token, shared by <see cref="ViberBotClient"/> and the ASP.NET Core start-up check, so a
/// token that passes the start-up check never fails when the first client is created.
/// </summary>
internal static class AuthTokenRule
{
    /// <summary>Tells what, if anything, is wrong with a token.</summary>
    /// <param name="token">The token, or <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="null"/> for a usable token; otherwise the broken rule, worded to follow the setting's name
    /// (<c>"is required"</c>). The text never contains the token.
    /// </returns>
    public static string? FindViolation(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return "is required";
        }

        // The token goes into the X-Viber-Auth-Token header, where a control character (typically a line break
        // copied along with it) breaks the request; a real token never contains one.
        if (token.Any(char.IsControl))
        {
            return "must not contain control characters (such as a line break copied with it)";
        }

        // HTTP headers carry only ASCII: such a token would still verify callback signatures (HMAC over its UTF-8
        // bytes) but fail every API call, so it is refused here rather than on the first call. Real tokens are ASCII.
        return Ascii.IsValid(token)
            ? null
            : "must contain only ASCII characters (a typographic dash or a look-alike letter was probably pasted with it)";
    }
}
