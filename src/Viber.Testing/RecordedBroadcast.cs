using Viber.Api;
using Viber.Api.Messages;

namespace Viber.Testing;

/// <summary>One broadcast recorded by <see cref="RecordingViberBotClient"/>.</summary>
/// <param name="Message">The message broadcast.</param>
/// <param name="Receivers">The receivers' user ids, in the order given.</param>
public sealed record RecordedBroadcast(ViberMessage Message, IReadOnlyList<string> Receivers)
{
    /// <summary>Gets the broadcast's options (progress sink, receiver count), if the caller gave any.</summary>
    public ViberBroadcastOptions? Options { get; init; }
}
