using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Deduplication;

/// <summary>
/// The default <see cref="IViberDeduplicationStore"/>: keys in process memory, forgotten after their window
/// (measured with <see cref="TimeProvider"/>) and, beyond <see cref="ViberBotOptions.DeduplicationCapacity"/>, oldest
/// first. Hand-written rather than MemoryCache because that cache neither takes a TimeProvider nor evicts
/// synchronously at a size limit.
/// </summary>
/// <remarks>
/// Compact on purpose: at the default capacity a full store is read on every callback and scanned by every gen-2 GC,
/// so a key is held as its 128-bit XxHash (no string kept, <see cref="DeduplicationKeyHash"/>), in a struct slot of a
/// ring (no node, no record per key), found through an open-addressing index of 8-byte entries rather than a
/// <see cref="Dictionary{TKey, TValue}"/> (whose bucket and entry arrays cost a lookup two or three cache misses on a
/// table this size, the hottest frame of the library's own under load). A claim's token is the only reference a slot
/// holds, and only while its handlers run. At 100,000 keys that is 6.1 MB (a 40-byte slot a key, and 2^18 index
/// entries) instead of about 30 MB of small objects. Two different keys of the same 128-bit hash are not expected in
/// the life of the universe; keys are built from bodies that passed the signature check, so nobody can aim for one.
/// </remarks>
internal sealed partial class InMemoryViberDeduplicationStore : IViberDeduplicationStore
{
    private const int InitialSlots = 1024;

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;

    // A ring in insertion order (oldest at _head), which is expiry order too: every key gets the same window. A
    // completion moves its key's expiry later in place, which only delays purging the keys behind it a little (the
    // lookup checks expiry itself); a release leaves a dead slot that purge and eviction skip.
    private Slot[] _slots;
    private int _head;
    private int _used;

    public InMemoryViberDeduplicationStore(IOptions<ViberBotOptions> options, TimeProvider timeProvider)
    {
        _capacity = options.Value.DeduplicationCapacity;
        _timeProvider = timeProvider;
        _slots = new Slot[Math.Min(_capacity, InitialSlots)];
        _index = NewIndex(_slots.Length);
    }

    /// <summary>Gets the number of keys held, expired ones included until the next call purges them.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _liveCount;
            }
        }
    }

    public ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        var hash = DeduplicationKeyHash.Of(key);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow().UtcTicks;
            Purge(now);
            if (Find(hash, now) is { } index)
            {
                return ValueTask.FromResult(_slots[index].Completed ? ViberDeduplicationClaim.Completed : ViberDeduplicationClaim.InProgress);
            }

            Add(hash, now + window.Ticks, claimToken);
            return ValueTask.FromResult(ViberDeduplicationClaim.Claimed);
        }
    }

    public ValueTask<bool> CompleteAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        var hash = DeduplicationKeyHash.Of(key);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow().UtcTicks;
            Purge(now);
            if (Find(hash, now) is not { } index)
            {
                // Nobody holds it any more (its claim expired or was evicted): recording it keeps Viber's retry from
                // running the handlers again.
                Add(hash, now + window.Ticks, claimToken: null);
                return ValueTask.FromResult(true);
            }

            ref var slot = ref _slots[index];
            if (slot.Completed)
            {
                return ValueTask.FromResult(true);
            }

            // Another delivery claimed the key after this claim expired: its handlers own it now.
            if (!string.Equals(slot.ClaimToken, claimToken, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            slot.ClaimToken = null;
            slot.ExpiresAt = now + window.Ticks;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        var hash = DeduplicationKeyHash.Of(key);
        lock (_lock)
        {
            if (IndexFind(hash) is var index and >= 0 && string.Equals(_slots[index].ClaimToken, claimToken, StringComparison.Ordinal))
            {
                Kill(index);
                return ValueTask.FromResult(true);
            }

            return ValueTask.FromResult(false);
        }
    }

    // The slot holding a live key, or null; an expired key is dropped here so it reads as absent even when purging
    // stopped before it.
    private int? Find(DeduplicationKeyHash hash, long now)
    {
        var index = IndexFind(hash);
        if (index < 0)
        {
            return null;
        }

        if (_slots[index].ExpiresAt <= now)
        {
            Kill(index);
            return null;
        }

        return index;
    }

    private void Add(DeduplicationKeyHash hash, long expiresAt, string? claimToken)
    {
        if (_used == _slots.Length)
        {
            if (_slots.Length < _capacity)
            {
                Grow();
            }
            else
            {
                // Full: the oldest slot goes, live or not.
                Kill(_head);
                PopHead();
            }
        }

        var index = (_head + _used) % _slots.Length;
        _slots[index] = new Slot { Key = hash, ExpiresAt = expiresAt, ClaimToken = claimToken, Live = true };
        IndexAdd(hash.Tag, index);
        _used++;
    }

    private void Grow()
    {
        // The slots move to new numbers, so the index is built again, at the size for the grown ring.
        var grown = new Slot[(int)Math.Min(_capacity, (long)_slots.Length * 2)];
        _index = NewIndex(grown.Length);
        _liveCount = 0;
        for (var i = 0; i < _used; i++)
        {
            grown[i] = _slots[(_head + i) % _slots.Length];
            if (grown[i].Live)
            {
                IndexAdd(grown[i].Key.Tag, i);
            }
        }

        _slots = grown;
        _head = 0;
    }

    private void Kill(int index)
    {
        ref var slot = ref _slots[index];
        if (slot.Live)
        {
            IndexRemove(slot.Key.Tag, index);
            slot.Live = false;
            slot.ClaimToken = null;
        }
    }

    private void PopHead()
    {
        _head = (_head + 1) % _slots.Length;
        _used--;
    }

    private void Purge(long now)
    {
        while (_used > 0 && (!_slots[_head].Live || _slots[_head].ExpiresAt <= now))
        {
            Kill(_head);
            PopHead();
        }
    }

    /// <summary>A key: claimed (with its claim's token) or, with no token, completed; dead once released or expired.</summary>
    private struct Slot
    {
        public DeduplicationKeyHash Key;
        public long ExpiresAt;
        public string? ClaimToken;
        public bool Live;

        public readonly bool Completed => ClaimToken is null;
    }
}
