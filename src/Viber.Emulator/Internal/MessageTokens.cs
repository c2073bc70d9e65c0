using System.Security.Cryptography;

namespace Viber.Emulator.Internal;

/// <summary>Hands out unique 64-bit message tokens, 19 digits long like Viber's.</summary>
internal sealed class MessageTokens
{
    private long _last;

    public MessageTokens()
    {
        // A random start keeps tokens unique across emulator restarts, so a bot's persistent deduplication store
        // never mistakes a new message for a retry. 19 digits also exceed 2^53, which catches bots that lose
        // precision by reading tokens as doubles.
        _last = 1_000_000_000_000_000_000L + RandomNumberGenerator.GetInt32(int.MaxValue) * 1_000_000_000L;
    }

    public long Next() => Interlocked.Increment(ref _last);
}
