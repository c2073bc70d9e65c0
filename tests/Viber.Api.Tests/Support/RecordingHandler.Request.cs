using System.Text.Json;

namespace Viber.Api.Tests.Support;

internal sealed partial class RecordingHandler
{
    /// <summary>One recorded request.</summary>
    /// <param name="Index">The 0-based arrival order.</param>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="Uri">The absolute request URI.</param>
    /// <param name="AuthToken">The X-Viber-Auth-Token header, if any.</param>
    /// <param name="ContentType">The content type, if any.</param>
    /// <param name="Body">The body bytes.</param>
    internal sealed record Request(int Index, HttpMethod Method, Uri Uri, string? AuthToken, string? ContentType, byte[] Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public IReadOnlyList<string> StringArray(string property)
            => [.. Json.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
    }
}
