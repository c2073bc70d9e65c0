using System.Security.Cryptography;

namespace Viber.Emulator.ChatPage;

/// <summary>One of the page's static files, read from the assembly's embedded resources.</summary>
internal sealed class ChatPageAsset
{
    public ChatPageAsset(byte[] content, string contentType)
    {
        Content = content;
        ContentType = contentType;

        // A content hash, so a browser revalidating ("no-cache") gets 304 until the package changes.
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8)) + "\"";
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    public string ETag { get; }
}
