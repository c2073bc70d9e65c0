using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Viber.AspNetCore.Deduplication;

/// <summary>
/// A deduplication key's 128-bit XxHash, as the in-memory store holds it: two <see cref="ulong"/> halves rather than
/// a <see cref="UInt128"/>, whose 16-byte alignment padded every ring slot that held one.
/// </summary>
internal readonly struct DeduplicationKeyHash : IEquatable<DeduplicationKeyHash>
{
    private readonly ulong _high;
    private readonly ulong _low;

    private DeduplicationKeyHash(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>Hashes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Its hash.</returns>
    public static DeduplicationKeyHash Of(string key)
    {
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key.AsSpan()));
        return new DeduplicationKeyHash((ulong)(hash >> 64), (ulong)hash);
    }

    /// <summary>Gets 32 bits of the hash: where the store's index looks for the key first, and a quick check before the full compare.</summary>
    public uint Tag => unchecked((uint)_low);

    /// <inheritdoc />
    public bool Equals(DeduplicationKeyHash other) => _low == other._low && _high == other._high;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DeduplicationKeyHash other && Equals(other);

    // The bits of a good hash already: any 32 of them spread a table's buckets evenly.
    /// <inheritdoc />
    public override int GetHashCode() => unchecked((int)Tag);
}
