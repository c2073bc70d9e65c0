using Viber.Api.Messages;
using Viber.Api.Validation;

namespace Viber.Api.Tests.Validation;

/// <summary>Assertions over <see cref="ViberMessageValidator"/>.</summary>
internal static class Expect
{
    public static void Valid(ViberMessage message, ViberMessagePurpose purpose = ViberMessagePurpose.SendMessage)
        => ViberMessageValidator.Validate(message, purpose);

    public static ViberValidationException Invalid(ViberMessage message, string field, ViberMessagePurpose purpose = ViberMessagePurpose.SendMessage)
    {
        var exception = Assert.Throws<ViberValidationException>(() => ViberMessageValidator.Validate(message, purpose));
        Assert.Equal(field, exception.Field);
        Assert.Contains(exception.Field, exception.Message, StringComparison.Ordinal);
        return exception;
    }

    /// <summary>The message made with <paramref name="atLimit"/> passes; made with <paramref name="pastLimit"/> it fails on <paramref name="field"/> with a rule naming <paramref name="limit"/>.</summary>
    public static void Limit<T>(Func<T, ViberMessage> make, T atLimit, T pastLimit, string field, string limit)
    {
        Valid(make(atLimit));
        var exception = Invalid(make(pastLimit), field);
        Assert.Contains(limit, exception.Rule, StringComparison.Ordinal);
    }

    /// <summary>The good message passes; the bad one fails on <paramref name="field"/> with a rule containing <paramref name="ruleText"/>.</summary>
    public static void Rule((Func<ViberMessage> Good, Func<ViberMessage> Bad) pair, string field, string ruleText)
    {
        Valid(pair.Good());
        var exception = Invalid(pair.Bad(), field);
        Assert.Contains(ruleText, exception.Rule, StringComparison.Ordinal);
    }

    /// <summary>A string of <paramref name="length"/> characters.</summary>
    public static string Chars(int length) => new('a', length);
}
