namespace Viber.Api;

/// <summary>A request breaks a documented Viber limit; nothing was sent.</summary>
public sealed class ViberValidationException : ViberException
{
    /// <summary>Initializes a new instance of the <see cref="ViberValidationException"/> class.</summary>
    /// <param name="field">The JSON path of the offending field, such as <c>sender.name</c>.</param>
    /// <param name="rule">The rule it breaks, such as <c>must be at most 28 characters</c>.</param>
    public ViberValidationException(string field, string rule)
        : base($"Invalid Viber request: '{field}' {rule}.")
    {
        Field = field;
        Rule = rule;
    }

    /// <summary>Gets the JSON path of the offending field.</summary>
    public string Field { get; }

    /// <summary>Gets the rule the field breaks.</summary>
    public string Rule { get; }
}
