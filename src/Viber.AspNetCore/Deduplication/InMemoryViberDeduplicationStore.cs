using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Deduplication;

/// <summary>
/// The default <see cref="IViberDeduplicationStore"/>: keys in process memory, forgotten after their window
/// (measured with <see cref="TimeProvider"/>) and, beyond <see cref="ViberBotOptions.DeduplicationCapacity"/>, oldest
/// first. Hand-written rather than MemoryCache because that cache neither takes a TimeProvider nor evicts
/// synchronously at a size limit; the list keeps both purge and eviction O(1) per key.
/// </summary>
internal sealed class InMemoryViberDeduplicationStore : IViberDeduplicationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);

    // Ordered by expiry, soonest first: every key gets the same window, so appending keeps the order.
    private readonly LinkedList<Entry> _byExpiry = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;

    public InMemoryViberDeduplicationStore(IOptions<ViberBotOptions> options, TimeProvider timeProvider)
    {
        _capacity = options.Value.DeduplicationCapacity;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the number of keys held, expired ones included until the next call purges them.</summary>
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

    public ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            Purge(now);
            if (_entries.TryGetValue(key, out var existing))
            {
                return ValueTask.FromResult(existing.Value.Completed ? ViberDeduplicationClaim.Completed : ViberDeduplicationClaim.InProgress);
            }

            Add(new Entry(key, now + window, claimToken));
            return ValueTask.FromResult(ViberDeduplicationClaim.Claimed);
        }
    }

    public ValueTask<bool> CompleteAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            Purge(now);
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing.Value.Completed)
                {
                    return ValueTask.FromResult(true);
                }

                // Another delivery claimed the key after this claim expired: its handlers own it now.
                if (!string.Equals(existing.Value.ClaimToken, claimToken, StringComparison.Ordinal))
                {
                    return ValueTask.FromResult(false);
                }

                Remove(key);
            }

            Add(new Entry(key, now + window, ClaimToken: null));
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing) && string.Equals(existing.Value.ClaimToken, claimToken, StringComparison.Ordinal))
            {
                Remove(key);
                return ValueTask.FromResult(true);
            }

            return ValueTask.FromResult(false);
        }
    }

    private void Add(Entry entry)
    {
        while (_entries.Count >= _capacity && _byExpiry.First is { } oldest)
        {
            Remove(oldest.Value.Key);
        }

        _entries[entry.Key] = _byExpiry.AddLast(entry);
    }

    private void Remove(string key)
    {
        if (_entries.Remove(key, out var node))
        {
            _byExpiry.Remove(node);
        }
    }

    private void Purge(DateTimeOffset now)
    {
        while (_byExpiry.First is { } first && first.Value.ExpiresAt <= now)
        {
            Remove(first.Value.Key);
        }
    }

    /// <summary>A key: claimed (with its claim's token) or, with no token, completed.</summary>
    private sealed record Entry(string Key, DateTimeOffset ExpiresAt, string? ClaimToken)
    {
        public bool Completed => ClaimToken is null;
    }
}
