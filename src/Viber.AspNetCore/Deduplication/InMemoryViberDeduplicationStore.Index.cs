namespace Viber.AspNetCore.Deduplication;

/// <summary>The store's index: from a key's hash to its slot in the ring.</summary>
/// <remarks>
/// Open addressing with linear probing over a power-of-two table at most half full. An entry is 8 bytes: the slot's
/// number and 32 bits of the key's hash (<see cref="DeduplicationKeyHash.Tag"/>), which also give the entry's home
/// position. Eight entries share a cache line, so a lookup reads one line in the common case, and a slot (the full
/// key) only when 32 bits match. Removal shifts the entries behind the removed one back (no tombstones), so a table
/// that keys pass through at 40,000 a second never fills up with dead entries. All of it runs under the store's lock.
/// </remarks>
internal sealed partial class InMemoryViberDeduplicationStore
{
    private const int MinimumIndexSize = 16;

    private IndexEntry[] _index;
    private int _liveCount;

    private int IndexMask => _index.Length - 1;

    private static IndexEntry[] NewIndex(int slots)
    {
        // At least twice the slots, so the table is never more than half full: probe runs stay short.
        var size = MinimumIndexSize;
        while (size < 2L * slots)
        {
            size *= 2;
        }

        return new IndexEntry[size];
    }

    /// <summary>Finds a key's slot.</summary>
    /// <returns>The slot's number, or -1 when the key is not indexed.</returns>
    private int IndexFind(DeduplicationKeyHash hash)
    {
        var tag = hash.Tag;
        var mask = IndexMask;
        for (var position = (int)tag & mask; ; position = (position + 1) & mask)
        {
            var entry = _index[position];
            if (entry.IsEmpty)
            {
                return -1;
            }

            if (entry.Tag == tag && _slots[entry.Slot].Key.Equals(hash))
            {
                return entry.Slot;
            }
        }
    }

    /// <summary>Indexes a slot whose key is not indexed yet.</summary>
    private void IndexAdd(uint tag, int slot)
    {
        var mask = IndexMask;
        var position = (int)tag & mask;
        while (!_index[position].IsEmpty)
        {
            position = (position + 1) & mask;
        }

        _index[position] = new IndexEntry(tag, slot);
        _liveCount++;
    }

    /// <summary>Removes an indexed slot's entry, found by the slot's number (no key compare needed).</summary>
    private void IndexRemove(uint tag, int slot)
    {
        var mask = IndexMask;
        var hole = (int)tag & mask;
        while (_index[hole].Slot != slot)
        {
            // An empty entry ends the probe run: the slot was never indexed, which only a bug here can cause.
            if (_index[hole].IsEmpty)
            {
                throw new InvalidOperationException($"The deduplication index has no entry for slot {slot}.");
            }

            hole = (hole + 1) & mask;
        }

        // Backward-shift deletion: every entry after the hole, up to the next empty one, that would not be found past
        // the hole (its home lies cyclically in (hole, its position]) moves into it, and its old place is the new hole.
        for (var next = (hole + 1) & mask; !_index[next].IsEmpty; next = (next + 1) & mask)
        {
            var home = (int)_index[next].Tag & mask;
            var staysFindable = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!staysFindable)
            {
                _index[hole] = _index[next];
                hole = next;
            }
        }

        _index[hole] = default;
        _liveCount--;
    }

    /// <summary>An index entry: 32 bits of the key's hash and its slot's number plus one (0 marks an empty entry).</summary>
    private readonly struct IndexEntry(uint tag, int slot)
    {
        private readonly int _slotPlusOne = slot + 1;

        public uint Tag { get; } = tag;

        public int Slot => _slotPlusOne - 1;

        public bool IsEmpty => _slotPlusOne == 0;
    }
}
