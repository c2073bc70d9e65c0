using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Viber.AspNetCore;

namespace ShowcaseBot.Media;

/// <summary>
/// The public URLs and sizes of the files in <c>wwwroot/media</c>, which this app serves itself. Viber's servers
/// download a picture or file from its URL, so the URL must be public: <c>Showcase:MediaBaseUrl</c>, else the
/// <c>media/</c> folder beside the webhook's (<c>https://bot.example.com/viber/webhook</c> gives
/// <c>https://bot.example.com/media/</c>; behind a proxy's path prefix, <c>.../bot/viber/webhook</c> gives <c>.../bot/media/</c>).
/// </summary>
public sealed class MediaLinks
{
    private const string Folder = "media";
    private readonly Uri _baseUrl;
    private readonly IFileProvider _files;

    public MediaLinks(IOptions<ShowcaseOptions> showcase, IOptions<ViberBotOptions> viber, IWebHostEnvironment environment)
    {
        _files = environment.WebRootFileProvider;
        _baseUrl = BaseUrl(showcase.Value.MediaBaseUrl, viber.Value.WebhookUrl);
    }

    /// <summary>Gets the public URL of a file in <c>wwwroot/media</c>.</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The absolute URL.</returns>
    public string UrlOf(string fileName) => new Uri(_baseUrl, Uri.EscapeDataString(fileName)).ToString();

    /// <summary>Gets the size of a file in <c>wwwroot/media</c>, which a file message must state.</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The size in bytes.</returns>
    /// <exception cref="FileNotFoundException">The file is not in <c>wwwroot/media</c>.</exception>
    public long SizeOf(string fileName)
    {
        var file = _files.GetFileInfo($"{Folder}/{fileName}");
        return file.Exists ? file.Length : throw new FileNotFoundException($"wwwroot/{Folder}/{fileName} is missing.", fileName);
    }

    private static Uri BaseUrl(string? configured, string? webhookUrl)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A trailing slash, so relative file names land inside the folder rather than replacing its last segment.
            return Uri.TryCreate(configured.EndsWith('/') ? configured : configured + "/", UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
                ? url
                : throw new InvalidOperationException($"{ShowcaseOptions.SectionName}:MediaBaseUrl must be an absolute http(s) URL, not '{configured}'.");
        }

        return Uri.TryCreate(webhookUrl, UriKind.Absolute, out var webhook)
            ? new Uri(webhook, $"../{Folder}/")
            : throw new InvalidOperationException(
                $"Set {ShowcaseOptions.SectionName}:MediaBaseUrl (the public URL of wwwroot/media) or Viber:WebhookUrl: Viber downloads pictures and files from a public URL.");
    }
}
