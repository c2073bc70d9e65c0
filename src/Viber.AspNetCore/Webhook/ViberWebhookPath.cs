using Microsoft.AspNetCore.Http;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// Decides whether a request is for the webhook. <c>Viber:WebhookPath</c> (by default the path of
/// <c>Viber:WebhookUrl</c>, the public URL Viber calls) is compared, ignoring case, with the request's full path,
/// <c>PathBase + Path</c>, and with <c>Path</c> alone. The full path is what Viber called once the app's path base is
/// known (<c>UsePathBase("/bot")</c>, or a proxy that strips <c>/bot</c> and sends <c>X-Forwarded-Prefix: /bot</c> to
/// the ForwardedHeaders middleware); <c>Path</c> alone is what an explicit <c>Viber:WebhookPath</c> relative to the
/// path base names.
/// </summary>
internal sealed class ViberWebhookPath
{
    private readonly PathString _path;

    /// <summary>Initializes a new instance of the <see cref="ViberWebhookPath"/> class.</summary>
    /// <param name="path">The webhook path, starting with '/'.</param>
    public ViberWebhookPath(string path) => _path = new PathString(path);

    /// <summary>Gets the webhook path.</summary>
    public string Value => _path.Value!;

    /// <summary>Tells whether <paramref name="request"/> is for the webhook.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when its full path or its path equals the webhook path.</returns>
    public bool Matches(HttpRequest request)
    {
        if (request.Path.Equals(_path, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var pathBase = request.PathBase;
        if (!pathBase.HasValue)
        {
            return false;
        }

        // A prefix sent as "/bot/" would otherwise give "/bot//viber/webhook".
        var baseText = pathBase.Value!.AsSpan().TrimEnd('/');
        var path = request.Path.Value.AsSpan();
        var webhook = _path.Value.AsSpan();
        return webhook.Length == baseText.Length + path.Length
            && webhook.StartsWith(baseText, StringComparison.OrdinalIgnoreCase)
            && webhook[baseText.Length..].Equals(path, StringComparison.OrdinalIgnoreCase);
    }
}
