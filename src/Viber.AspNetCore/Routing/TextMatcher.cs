namespace Viber.AspNetCore.Routing;

/// <summary>A text message whose whole text equals a given text.</summary>
internal sealed class TextMatcher : ViberMessageMatcher
{
    private readonly string _text;
    private readonly StringComparison _comparison;

    public TextMatcher(string text, StringComparison comparison)
        : base(Describe(text, comparison))
    {
        if (!Enum.IsDefined(comparison))
        {
            throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Not a StringComparison value.");
        }

        _text = text;
        _comparison = comparison;
    }

    internal override bool TryMatch(ViberMessageContext context)
        => TextOf(context) is { } text && string.Equals(text, _text, _comparison);

    private static string Describe(string text, StringComparison comparison)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return comparison is StringComparison.Ordinal ? $"text \"{text}\"" : $"text \"{text}\" ({comparison})";
    }
}
