using System.Text.RegularExpressions;

namespace Viber.AspNetCore.Routing;

/// <summary>A text message (typed, or a button's ActionBody) in which a regular expression finds a match.</summary>
internal sealed class RegexMatcher : ViberMessageMatcher
{
    private readonly Regex _regex;

    // Worked out once: the group names and numbers captures are keyed by (group 0, the whole match, is left out).
    private readonly (int Number, string Name)[] _groups;

    public RegexMatcher(Regex regex, string kind)
        : base($"{kind} /{(regex ?? throw new ArgumentNullException(nameof(regex)))}/")
    {
        _regex = regex;
        _groups = [.. regex.GetGroupNumbers().Where(number => number != 0).Select(number => (number, regex.GroupNameFromNumber(number)))];
    }

    internal override bool TryMatch(ViberMessageContext context)
    {
        if (TextOf(context) is not { } text)
        {
            return false;
        }

        var match = _regex.Match(text);
        if (!match.Success)
        {
            return false;
        }

        var captures = new Dictionary<string, string>(_groups.Length, StringComparer.Ordinal);
        foreach (var (number, name) in _groups)
        {
            var group = match.Groups[number];
            if (group.Success)
            {
                captures[name] = group.Value;
            }
        }

        context.Captures = captures;
        context.Match = match;
        return true;
    }
}
