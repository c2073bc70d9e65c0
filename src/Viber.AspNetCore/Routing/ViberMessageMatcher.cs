using System.Text.RegularExpressions;
using Viber.Api.Messages;

namespace Viber.AspNetCore.Routing;

/// <summary>
/// Decides whether a route takes a message, and what it captures. Made once, when the route is added (a template or
/// pattern is compiled then, not per message); create one with the static methods.
/// </summary>
public abstract class ViberMessageMatcher
{
    private protected ViberMessageMatcher(string description) => Description = description;

    /// <summary>Gets a short description for logs and traces, such as <c>text "ping"</c> (never a user's message).</summary>
    public string Description { get; }

    /// <summary>Matches text messages whose whole text equals <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="comparison">How to compare; ordinal (case-sensitive) by default.</param>
    /// <returns>The matcher.</returns>
    public static ViberMessageMatcher Text(string text, StringComparison comparison = StringComparison.Ordinal)
        => new TextMatcher(text, comparison);

    /// <summary>
    /// Matches text messages in which <paramref name="regex"/> finds a match (anchor it with <c>^...$</c> for the whole
    /// text); its groups become the context's captures. Pass a <c>[GeneratedRegex]</c> for the fastest, AOT-friendly matching.
    /// </summary>
    /// <param name="regex">The regular expression.</param>
    /// <returns>The matcher.</returns>
    public static ViberMessageMatcher Text(Regex regex) => new RegexMatcher(regex, "text");

    /// <summary>
    /// Matches button taps by their <c>ActionBody</c> (a tap on a <c>reply</c> button arrives as a text message carrying
    /// it): the whole text must match <paramref name="template"/>, where <c>{name}</c> stands for one or more characters
    /// captured as <c>name</c>, such as <c>buy:{sku}</c> or <c>page:{book}/{page}</c>. A template without
    /// <c>{...}</c> matches exactly that text. Comparison is ordinal.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="ArgumentException">The template is empty, has an unmatched brace, an empty or invalid name, a name twice, or two parts with nothing between them.</exception>
    public static ViberMessageMatcher Action(string template) => ActionTemplateMatcher.Create(template);

    /// <summary>Matches button taps whose <c>ActionBody</c> <paramref name="regex"/> finds a match in; its groups become the captures.</summary>
    /// <param name="regex">The regular expression.</param>
    /// <returns>The matcher.</returns>
    public static ViberMessageMatcher Action(Regex regex) => new RegexMatcher(regex, "action");

    /// <summary>Matches messages of one type, such as <see cref="PictureMessage"/> or <see cref="LocationMessage"/>.</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <returns>The matcher.</returns>
    public static ViberMessageMatcher MessageType<TMessage>()
        where TMessage : ViberMessage
        => new MessageTypeMatcher<TMessage>();

    /// <summary>Matches the messages for which <paramref name="predicate"/> returns <see langword="true"/>.</summary>
    /// <param name="predicate">The test; it gets the message's context (user, text, tracking data).</param>
    /// <param name="description">A name for logs and traces.</param>
    /// <returns>The matcher.</returns>
    public static ViberMessageMatcher When(Func<ViberMessageContext, bool> predicate, string description = "predicate")
        => new PredicateMatcher(predicate, description);

    /// <summary>Tells whether the route takes the message; on a match, sets the context's captures.</summary>
    /// <param name="context">The message's context.</param>
    /// <returns><see langword="true"/> when the route takes the message.</returns>
    internal abstract bool TryMatch(ViberMessageContext context);

    /// <summary>Gets the text of a text message (a reply button's tap included), or <see langword="null"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The text.</returns>
    private protected static string? TextOf(ViberMessageContext context) => (context.Message as TextMessage)?.Text;
}
