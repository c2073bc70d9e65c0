using System.Security.Cryptography;

namespace Viber.Emulator.Internal;

/// <summary>Generates user ids shaped like Viber's: 24 base64 characters, such as <c>jc9HsWTZ2Yf2NkRZ8KcNug==</c>.</summary>
internal static class UserIds
{
    public static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}
