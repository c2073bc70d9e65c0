using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Users;

/// <summary>Checks <see cref="ViberUserDetailsOptions"/> at start, naming the configuration key of each bad value.</summary>
internal sealed class ViberUserDetailsOptionsValidator(string sectionPath) : IValidateOptions<ViberUserDetailsOptions>
{
    public ValidateOptionsResult Validate(string? name, ViberUserDetailsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RefreshAfter <= TimeSpan.Zero)
        {
            failures.Add($"{Key("RefreshAfter")} must be more than zero (the age after which a cached answer is fetched again), not {options.RefreshAfter}");
        }

        if (options.KeepFor < options.RefreshAfter)
        {
            failures.Add($"{Key("KeepFor")} must be at least {Key("RefreshAfter")} ({options.RefreshAfter}), not {options.KeepFor}");
        }

        if (options.Capacity < 1)
        {
            failures.Add($"{Key("Capacity")} must be at least 1 (the most users tracked in memory), not {options.Capacity}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string Key(string property) => $"{sectionPath}:{ViberUserDetailsOptions.SectionName}:{property}";
}
