namespace Viber.Api.Tests.Validation;

public sealed class FileNameRuleTests
{
    /// <summary>The "forbidden file formats" table of the Viber REST Bot API documentation, verbatim.</summary>
    public static TheoryData<string> Forbidden =>
    [
        "ACTION", "APK", "APP", "BAT", "BIN", "CMD", "COM", "COMMAND", "CPL", "CSH", "EXE", "GADGET", "INF1",
        "INS", "INX", "IPA", "ISU", "JOB", "JSE", "KSH", "LNK", "MSC", "MSI", "MSP", "MST", "OSX", "OUT", "PAF",
        "PIF", "PRG", "PS1", "REG", "RGS", "RUN", "SCT", "SHB", "SHS", "U3P", "VB", "VBE", "VBS", "VBSCRIPT",
        "WORKFLOW", "WS", "WSF",
    ];

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Forbidden_extension_is_rejected_in_any_case(string extension)
    {
        foreach (var name in new[] { "setup." + extension, "setup." + extension.ToLowerInvariant(), "my.setup." + extension.ToLowerInvariant() })
        {
            var exception = Expect.Invalid(Valid.File(name), "file_name");
            Assert.Contains("'." + extension.ToLowerInvariant() + "'", exception.Rule, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("archive.tar.gz")]
    [InlineData("photo.JPG")]
    [InlineData("exe.txt")]
    [InlineData("notes.vbx")]
    // Documented quirk: the table says INF1, not INF; we keep the documented list (see FileNameRules).
    [InlineData("driver.inf")]
    public void Allowed_extension_passes(string fileName)
        => Expect.Valid(Valid.File(fileName));

    [Theory]
    [InlineData("README")]
    [InlineData("report.")]
    public void File_name_without_an_extension_is_rejected(string fileName)
    {
        var exception = Expect.Invalid(Valid.File(fileName), "file_name");

        Assert.Contains("extension", exception.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void File_name_is_required(string? fileName)
    {
        var exception = Expect.Invalid(Valid.File(fileName), "file_name");

        Assert.Contains("required", exception.Rule, StringComparison.Ordinal);
    }
}
