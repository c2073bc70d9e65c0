using System.Collections.Frozen;

namespace Viber.Emulator.ChatPage;

/// <summary>The page's files, embedded in Viber.Emulator (see the csproj) and read once.</summary>
internal static class ChatPageAssets
{
    public const string Index = "index.html";

    private const string ResourcePrefix = "Viber.Emulator.ChatPage.";

    private static readonly Lazy<FrozenDictionary<string, ChatPageAsset>> All = new(Load);

    public static ChatPageAsset Get(string name)
        => All.Value.TryGetValue(name, out var asset)
            ? asset
            : throw new InvalidOperationException($"The chat page asset '{name}' is not embedded in {typeof(ChatPageAssets).Assembly.GetName().Name}.");

    private static FrozenDictionary<string, ChatPageAsset> Load()
    {
        var files = new Dictionary<string, ChatPageAsset>(StringComparer.Ordinal);
        foreach (var (name, contentType) in new[]
        {
            (Index, "text/html; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("app.css", "text/css; charset=utf-8"),
        })
        {
            using var stream = typeof(ChatPageAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"The chat page asset '{name}' is not embedded in {typeof(ChatPageAssets).Assembly.GetName().Name}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add(name, new ChatPageAsset(buffer.ToArray(), contentType));
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
