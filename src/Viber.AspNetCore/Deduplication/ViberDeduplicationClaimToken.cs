using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Viber.AspNetCore.Deduplication;

/// <summary>Makes the tokens that tell one claim of a deduplication key from another.</summary>
public static class ViberDeduplicationClaimToken
{
    // 64 random bits drawn once tell this process's tokens from every other process's sharing a store; a counter tells
    // this process's claims apart. Unique like a random GUID, without asking the OS for randomness on every callback
    // (Guid.NewGuid is a getrandom system call per token on Linux).
    private static readonly ulong ProcessPrefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private static long _counter;

    /// <summary>
    /// Creates a token unique to one claim, as 32 lowercase hex digits: 64 random bits fixed for the process, then a
    /// number this process never repeats.
    /// </summary>
    /// <returns>The token.</returns>
    public static string New()
        => string.Create(32, (ulong)Interlocked.Increment(ref _counter), static (destination, count) =>
        {
            // Big-endian bytes as hex read as the two numbers in "x16" would, without parsing a format string.
            Span<byte> bytes = stackalloc byte[2 * sizeof(ulong)];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, ProcessPrefix);
            BinaryPrimitives.WriteUInt64BigEndian(bytes[sizeof(ulong)..], count);
            Convert.TryToHexStringLower(bytes, destination, out _);
        });
}
