using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Conversations;

/// <summary>Checks <see cref="ViberConversationOptions"/> at start, naming the configuration key of each bad value.</summary>
internal sealed class ViberConversationOptionsValidator(string sectionPath) : IValidateOptions<ViberConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ViberConversationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Expiry <= TimeSpan.Zero)
        {
            failures.Add($"{Key("Expiry")} must be more than zero (how long a conversation's state is kept), not {options.Expiry}");
        }

        if (options.Capacity < 1)
        {
            failures.Add($"{Key("Capacity")} must be at least 1 (the most conversations kept in memory), not {options.Capacity}");
        }

        if (options.LockTimeout <= TimeSpan.Zero && options.LockTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{Key("LockTimeout")} must be more than zero, or -00:00:00.001 to wait without a limit, not {options.LockTimeout}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string Key(string property) => $"{sectionPath}:{ViberConversationOptions.SectionName}:{property}";
}
