using System.Text;
using System.Text.RegularExpressions;

namespace Viber.AspNetCore.Routing;

/// <summary>
/// A button tap whose whole ActionBody fits a template such as <c>buy:{sku}</c>: the template is turned into an
/// anchored regular expression once, when the route is added.
/// </summary>
internal sealed class ActionTemplateMatcher : ViberMessageMatcher
{
    private readonly Regex _regex;
    private readonly string[] _names;

    private ActionTemplateMatcher(string template, Regex regex, string[] names)
        : base($"action \"{template}\"")
    {
        _regex = regex;
        _names = names;
    }

    public static ActionTemplateMatcher Create(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        var pattern = new StringBuilder("^");
        var names = new List<string>();
        var literalStart = 0;
        var previousWasPart = false;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '}')
            {
                throw Invalid(template, $"'}}' at {i} closes no '{{'");
            }

            if (template[i] != '{')
            {
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw Invalid(template, $"'{{' at {i} is not closed");
            }

            var name = template[(i + 1)..close];
            if (!IsName(name))
            {
                throw Invalid(template, $"'{{{name}}}' is not a name (letters, digits and '_', not starting with a digit)");
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                throw Invalid(template, $"'{{{name}}}' appears twice");
            }

            if (previousWasPart && literalStart == i)
            {
                // "{a}{b}" has no single meaning: where a ends and b starts is anyone's guess.
                throw Invalid(template, $"'{{{name}}}' follows another part with no text between them");
            }

            pattern.Append(Regex.Escape(template[literalStart..i])).Append("(?<").Append(name).Append(">.+?)");
            names.Add(name);
            literalStart = close + 1;
            previousWasPart = true;
            i = close;
        }

        pattern.Append(Regex.Escape(template[literalStart..])).Append(@"\z");

        // Singleline: an ActionBody may hold line breaks, and a part should take them like any other character.
        var regex = new Regex(pattern.ToString(), RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.ExplicitCapture);
        return new ActionTemplateMatcher(template, regex, [.. names]);
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

        var captures = new Dictionary<string, string>(_names.Length, StringComparer.Ordinal);
        foreach (var name in _names)
        {
            captures[name] = match.Groups[name].Value;
        }

        context.Captures = captures;
        return true;
    }

    private static bool IsName(string name)
        => name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static ArgumentException Invalid(string template, string problem)
        => new($"The action template \"{template}\" is invalid: {problem}. Write it as text with {{name}} parts, such as \"buy:{{sku}}\".", nameof(template));
}
