using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Users;

/// <summary>
/// The default <see cref="IViberUserDetailsStore"/>: answers and call times in process memory, per user, forgotten
/// once the answer's time to live and the last call's window have both passed, and past
/// <see cref="ViberUserDetailsOptions.Capacity"/> the user touched longest ago first. Each instance counts only its own
/// calls; when several instances share a bot, Viber's own refusal (status 12) is handled by the cache.
/// </summary>
internal sealed class InMemoryViberUserDetailsStore : IViberUserDetailsStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);

    // Least recently touched first, so eviction and purging start with the users least likely to be asked for.
    private readonly LinkedList<Entry> _byUse = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;

    public InMemoryViberUserDetailsStore(IOptions<ViberUserDetailsOptions> options, TimeProvider timeProvider)
    {
        _capacity = options.Value.Capacity;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the number of users tracked.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public ValueTask<ViberStoredUserDetails?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            Purge(now);
            var details = _entries.TryGetValue(userId, out var node) && node.Value.DetailsExpireAt > now ? node.Value.Details : null;
            return ValueTask.FromResult(details);
        }
    }

    public ValueTask SetAsync(string userId, ViberStoredUserDetails details, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(details);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var entry = Touch(userId, now);

            // A copy, so the caller's buffer cannot change what is kept.
            entry.Details = details with { Json = details.Json.ToArray() };
            entry.DetailsExpireAt = now + timeToLive;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<ViberUserDetailsCallPermit> TryRecordCallAsync(string userId, DateTimeOffset now, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        lock (_lock)
        {
            var entry = Touch(userId, _timeProvider.GetUtcNow());

            // The same sliding window as Viber's rule: a call leaves it exactly `window` after it was made.
            while (entry.Calls.Count > 0 && now - entry.Calls.Peek() >= window)
            {
                entry.Calls.Dequeue();
            }

            if (entry.Calls.Count >= limit)
            {
                return ValueTask.FromResult(new ViberUserDetailsCallPermit(false, entry.Calls.Peek() + window));
            }

            entry.Calls.Enqueue(now);
            entry.CallsExpireAt = now + window;
            return ValueTask.FromResult(new ViberUserDetailsCallPermit(true, null));
        }
    }

    private Entry Touch(string userId, DateTimeOffset now)
    {
        Purge(now);
        if (_entries.TryGetValue(userId, out var node))
        {
            _byUse.Remove(node);
            _byUse.AddLast(node);
            return node.Value;
        }

        while (_entries.Count >= _capacity && _byUse.First is { } oldest)
        {
            Remove(oldest);
        }

        var entry = new Entry(userId);
        _entries.Add(userId, _byUse.AddLast(entry));
        return entry;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.UserId);
        _byUse.Remove(node);
    }

    // Drops dead users from the least recently touched end; a live one there stops the scan, keeping each call O(1)
    // amortized. Dead users behind it go when they reach the front or the capacity pushes them out.
    private void Purge(DateTimeOffset now)
    {
        while (_byUse.First is { } first && first.Value.IsDead(now))
        {
            Remove(first);
        }
    }

    private sealed class Entry(string userId)
    {
        public string UserId { get; } = userId;

        public ViberStoredUserDetails? Details { get; set; }

        public DateTimeOffset DetailsExpireAt { get; set; }

        public Queue<DateTimeOffset> Calls { get; } = new();

        public DateTimeOffset CallsExpireAt { get; set; }

        public bool IsDead(DateTimeOffset now) => DetailsExpireAt <= now && CallsExpireAt <= now;
    }
}
