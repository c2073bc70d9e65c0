using System.Security.Cryptography;
using System.Text;

namespace ShowcaseBot.Admin;

/// <summary>Checks the <c>X-Admin-Key</c> header against <c>Showcase:AdminKey</c>.</summary>
public static class AdminKey
{
    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Admin-Key";

    /// <summary>Tells whether a presented key is the configured one. No configured key accepts nothing.</summary>
    /// <param name="configured">The configured key.</param>
    /// <param name="presented">The key the request presented.</param>
    /// <returns><see langword="true"/> when both are set and equal.</returns>
    public static bool Accepts(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashes have equal lengths, so the comparison's time tells nothing about the key, not even its length.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
