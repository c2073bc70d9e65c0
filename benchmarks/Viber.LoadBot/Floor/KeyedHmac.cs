using System.Security.Cryptography;

namespace Viber.LoadBot.Floor;

/// <summary>
/// The floor's HMAC when LOADBOT_FLOOR_HMAC=keyed: a context keyed once per thread and reset after each use, as
/// <c>ViberSignatureVerifier</c> does, instead of the one-shot <c>HMACSHA256.HashData</c> a hand-written endpoint calls.
/// It tells how much of the library's lead on the signature check is only that.
/// </summary>
internal static class KeyedHmac
{
    [ThreadStatic]
    private static IncrementalHash? s_mac;

    public static void HashData(byte[] key, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var mac = s_mac ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        mac.AppendData(body);
        mac.GetHashAndReset(destination);
    }
}
