using System.Diagnostics.CodeAnalysis;

namespace Viber.Api.Validation;

/// <summary>
/// The one test for "an absolute http or https URL", used by the client, its message rules and the ASP.NET Core
/// start-up checks, so a URL accepted at start-up is also accepted on the first call.
/// </summary>
internal static class HttpUrl
{
    /// <summary>Tells whether a URI is absolute with the http or https scheme.</summary>
    /// <param name="uri">The URI, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for an absolute http(s) URI.</returns>
    public static bool IsAbsoluteHttp([NotNullWhen(true)] Uri? uri)
        => uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Tells whether a string is an absolute http or https URL.</summary>
    /// <param name="value">The text, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for an absolute http(s) URL.</returns>
    public static bool IsAbsoluteHttp([NotNullWhen(true)] string? value) => TryParse(value, out _);

    /// <summary>Parses a string that must be an absolute http or https URL.</summary>
    /// <param name="value">The text, or <see langword="null"/>.</param>
    /// <param name="uri">The parsed URL when the result is <see langword="true"/>.</param>
    /// <returns><see langword="true"/> for an absolute http(s) URL.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out Uri? uri)
    {
        // The scheme check matters beyond ftp: and the like: on Unix "/hook" parses as an absolute file:// URI.
        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && IsAbsoluteHttp(parsed))
        {
            uri = parsed;
            return true;
        }

        uri = null;
        return false;
    }
}
