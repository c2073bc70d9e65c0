namespace Viber.AspNetCore.Routing;

/// <summary>A message for which a predicate holds.</summary>
internal sealed class PredicateMatcher : ViberMessageMatcher
{
    private readonly Func<ViberMessageContext, bool> _predicate;

    public PredicateMatcher(Func<ViberMessageContext, bool> predicate, string description)
        : base(description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrEmpty(description);
        _predicate = predicate;
    }

    internal override bool TryMatch(ViberMessageContext context) => _predicate(context);
}
