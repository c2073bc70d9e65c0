using System.Text.Json;
using Viber.Api;
using Viber.Api.Messages;

namespace Viber.Emulator.Api.Rules;

/// <summary>One documented limit of a message and the status Viber answers when it is broken.</summary>
/// <param name="Field">The JSON path of the field, such as <c>sender.name</c>.</param>
/// <param name="Status">3 badData for a wrong value, 4 missingData for a missing one; for client rules, unused.</param>
/// <param name="Rule">The rule in words, such as <c>must be at most 28 characters</c>.</param>
/// <param name="IsBroken">Tests the message (typed, and its JSON for presence checks the model cannot make).</param>
internal sealed record MessageRule(string Field, ViberStatus Status, string Rule, Func<ViberMessage, JsonElement, bool> IsBroken)
{
    public string Describe() => $"{Field} {Rule}";

    public static MessageRule Missing<T>(string field, Func<T, bool> isMissing)
        where T : ViberMessage
        => new(field, ViberStatus.MissingData, "is required", (message, _) => message is T typed && isMissing(typed));

    public static MessageRule Bad<T>(string field, string rule, Func<T, bool> isBad)
        where T : ViberMessage
        => new(field, ViberStatus.BadData, rule, (message, _) => message is T typed && isBad(typed));

    public static MessageRule TooLong<T>(string field, int max, Func<T, string?> value)
        where T : ViberMessage
        => Bad<T>(field, $"must be at most {max} characters", m => value(m)?.Length > max);
}
