using System.Text.RegularExpressions;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;

namespace Viber.AspNetCore;

/// <summary>
/// The context of a message a user sent, as routes get it: the message, its text, and what the route captured
/// (a regular expression's groups, an action template's <c>{name}</c> parts).
/// </summary>
public class ViberMessageContext : ViberContext
{
    private static readonly IReadOnlyDictionary<string, string> NoCaptures = new Dictionary<string, string>();

    /// <summary>Initializes a new instance of the <see cref="ViberMessageContext"/> class.</summary>
    /// <param name="callback">The message callback.</param>
    /// <param name="client">The client replies are sent with.</param>
    /// <param name="services">The callback's DI scope.</param>
    /// <param name="captures">What the route captured, by name; <see langword="null"/> for none.</param>
    /// <param name="match">The regular expression match of the route, if it used one.</param>
    /// <param name="defaultSender">The sender of replies that set none; <see langword="null"/> leaves that to the client.</param>
    /// <param name="botName">The bot's name.</param>
    /// <param name="cancellationToken">Cancels the handler's work.</param>
    /// <exception cref="ArgumentException">The callback carries no message.</exception>
    public ViberMessageContext(
        MessageCallback callback,
        IViberBotClient client,
        IServiceProvider services,
        IReadOnlyDictionary<string, string>? captures = null,
        Match? match = null,
        ViberSender? defaultSender = null,
        string botName = DefaultBotName,
        CancellationToken cancellationToken = default)
        : base(callback, client, services, defaultSender, botName, cancellationToken)
    {
        MessageCallback = callback;
        Message = callback.Message ?? throw new ArgumentException("The message callback carries no message.", nameof(callback));
        Captures = captures ?? NoCaptures;
        Match = match;
    }

    /// <summary>Gets the message callback.</summary>
    public MessageCallback MessageCallback { get; }

    /// <summary>Gets the message the user sent; a type this library does not know is an <see cref="UnknownMessage"/>.</summary>
    public ViberMessage Message { get; }

    /// <summary>
    /// Gets the text of a text message (for a tap on a keyboard or rich media button of type <c>reply</c>, the
    /// button's <c>ActionBody</c>), or <see langword="null"/> for other message types.
    /// </summary>
    public string? Text => (Message as TextMessage)?.Text;

    /// <summary>
    /// Gets what the route captured, by name: an action template's <c>{name}</c> parts, or a regular expression's
    /// groups (named groups by name, the others by number, <c>"1"</c>, <c>"2"</c>, ...). Empty for other routes.
    /// </summary>
    public IReadOnlyDictionary<string, string> Captures { get; internal set; }

    /// <summary>Gets the regular expression match of the route, when it matched with one.</summary>
    public Match? Match { get; internal set; }

    /// <summary>Gets a captured value by name.</summary>
    /// <param name="name">The template part's or group's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The route captured nothing by that name (the message says which names it has).</exception>
    public string this[string name] => Captures.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"The route captured no '{name}'; it captured: {(Captures.Count == 0 ? "nothing" : string.Join(", ", Captures.Keys))}.");
}
