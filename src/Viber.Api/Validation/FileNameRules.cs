namespace Viber.Api.Validation;

/// <summary>The rules of a file message's <c>file_name</c> (Viber REST Bot API documentation: file message and "Forbidden file formats").</summary>
internal static class FileNameRules
{
    /// <summary>A file name may be at most 256 characters, extension included.</summary>
    public const int MaxLength = 256;

    /// <summary>
    /// The extensions of Viber's "forbidden file formats" table, exactly as documented (compared case-insensitively).
    /// The table lists "INF1" for "Setup Information File"; the real extension is surely ".inf", but we keep the
    /// documented value rather than guess, so ".inf" files are not refused here (Viber would refuse them itself).
    /// </summary>
    public static readonly IReadOnlySet<string> ForbiddenExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ACTION", "APK", "APP", "BAT", "BIN", "CMD", "COM", "COMMAND", "CPL", "CSH", "EXE", "GADGET", "INF1",
        "INS", "INX", "IPA", "ISU", "JOB", "JSE", "KSH", "LNK", "MSC", "MSI", "MSP", "MST", "OSX", "OUT", "PAF",
        "PIF", "PRG", "PS1", "REG", "RGS", "RUN", "SCT", "SHB", "SHS", "U3P", "VB", "VBE", "VBS", "VBSCRIPT",
        "WORKFLOW", "WS", "WSF",
    };

    /// <summary>Validates a file name: required, ≤ 256 characters, with an extension that is not forbidden.</summary>
    public static void Validate(string? fileName, string field)
    {
        Check.RequiredMaxLength(fileName, MaxLength, field);
        var dot = fileName.LastIndexOf('.');
        if (dot < 0 || dot == fileName.Length - 1)
        {
            throw new ViberValidationException(field, "must include a file extension, such as report.pdf");
        }

        var extension = fileName[(dot + 1)..];
        if (ForbiddenExtensions.Contains(extension))
        {
            // The extension is a file type, not user data, so naming it is safe and useful.
            throw new ViberValidationException(field, $"must not have the forbidden extension '.{extension.ToLowerInvariant()}' (Viber refuses executables and scripts)");
        }
    }
}
