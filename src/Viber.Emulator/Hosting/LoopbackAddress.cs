namespace Viber.Emulator.Hosting;

/// <summary>Derives the loopback address the emulator can call an app on from the app's configured URLs.</summary>
internal static class LoopbackAddress
{
    /// <summary>Kestrel's address when no URL is configured.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    /// <summary>Picks the first http URL of a <c>urls</c> setting and makes its host a loopback host.</summary>
    /// <param name="urls">The semicolon-separated URLs (<c>ASPNETCORE_URLS</c>); Kestrel's default when empty.</param>
    /// <returns>The base address, ending in a slash.</returns>
    /// <exception cref="InvalidOperationException">No http URL, or port 0 (not known before start).</exception>
    public static Uri FromUrls(string? urls)
    {
        var candidates = (string.IsNullOrWhiteSpace(urls) ? KestrelDefault : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // https on localhost would need a trusted development certificate; Viber's loopback rule allows http.
        var http = candidates.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"The Viber emulator calls the bot over http on loopback, but the app listens on '{urls}'. Add an http URL, for example ASPNETCORE_URLS=http://localhost:5000.");

        // Wildcard hosts are not addresses Uri accepts; the emulator runs on this machine, so loopback reaches them.
        var normalized = http
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://[::1]", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"The app URL '{http}' is not a valid absolute URL.");
        }

        if (uri.Port == 0)
        {
            throw new InvalidOperationException(
                $"The Viber emulator needs the app's port before it starts, but '{http}' asks for a random port. Use a fixed port, for example ASPNETCORE_URLS=http://localhost:5000.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
