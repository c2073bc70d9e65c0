using Viber.Api.Validation;

namespace Viber.Emulator.Api.Rules;

/// <summary>Checks on media URLs: absolute http(s), and the extension of the last path segment.</summary>
internal static class MediaUrls
{
    /// <summary>The file extensions Viber forbids in file messages (its documented list).</summary>
    public static readonly string[] ForbiddenFileExtensions =
    [
        "action", "apk", "app", "bat", "bin", "cmd", "com", "command", "cpl", "csh", "exe", "gadget", "inf1", "ins",
        "inx", "ipa", "isu", "job", "jse", "ksh", "lnk", "msc", "msi", "msp", "mst", "osx", "out", "paf", "pif",
        "prg", "ps1", "reg", "rgs", "run", "sct", "shb", "shs", "u3p", "vb", "vbe", "vbs", "vbscript", "workflow",
        "ws", "wsf",
    ];

    public static bool IsHttpUrl(string? value) => HttpUrl.IsAbsoluteHttp(value);

    /// <summary>Tells whether the URL's last path segment ends with one of the extensions.</summary>
    public static bool HasExtension(string? value, params string[] extensions)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && extensions.Contains(Extension(uri.AbsolutePath), StringComparer.OrdinalIgnoreCase);

    public static string Extension(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length > 1 ? extension[1..] : string.Empty;
    }
}
