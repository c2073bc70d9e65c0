using Viber.Emulator.Users;

namespace Viber.Emulator.Internal;

/// <summary>
/// Everything the emulated Viber knows: the bot account, the users and the message tokens, behind one lock.
/// </summary>
/// <remarks>
/// <para>
/// <b>The emulator's one locking rule.</b> There are two locks, always taken in this order: this state's
/// <see cref="Gate"/>, then the <see cref="Events.EventFeed"/>'s own. Code holding a lock only reads and writes
/// emulator data and publishes events; it never awaits, never takes a lock that comes before it, and never runs
/// caller code (wait predicates, subscribers' loops, webhook handlers, handler factories, delegates). Caller code
/// always works on a snapshot taken under the lock and evaluated after it is released.
/// </para>
/// <para>
/// Publishing while holding <see cref="Gate"/> is allowed (the feed's lock comes after it) and is what keeps the feed
/// honest: an event is published in the same critical section as the change it reports, so whoever sees the event
/// sees the state after it, and events appear in the order the changes happened.
/// </para>
/// </remarks>
internal sealed class EmulatorState(ViberEmulatorOptions options, string authToken, TimeProvider time)
{
    /// <summary>Gets the lock that guards the account, the users and every <see cref="UserState"/>.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Gets the emulator's settings (read-only after construction).</summary>
    public ViberEmulatorOptions Options { get; } = options;

    /// <summary>Gets the bot's auth token.</summary>
    public string AuthToken { get; } = authToken;

    /// <summary>Gets the clock of Viber's time rules.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Gets the message token source (thread-safe on its own).</summary>
    public MessageTokens Tokens { get; } = new();

    /// <summary>Gets the bot account's webhook settings and rate limits; guarded by <see cref="Gate"/>.</summary>
    public BotAccountState Account { get; } = new(options);

    /// <summary>Gets the users by id; guarded by <see cref="Gate"/>.</summary>
    public Dictionary<string, UserState> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the users in creation order; guarded by <see cref="Gate"/>.</summary>
    public List<UserState> UserOrder { get; } = [];
}
