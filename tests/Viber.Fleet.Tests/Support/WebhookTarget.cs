using System.Net.Http.Headers;
using Viber.Api;
using Viber.Api.Signatures;

namespace Viber.Fleet.Tests.Support;

/// <summary>Where Viber's callbacks go: one bot instance, or the proxy in front of them.</summary>
public interface IWebhookTarget
{
    /// <summary>Posts a callback body signed as Viber signs it.</summary>
    /// <returns>The HTTP status, or <see langword="null"/> when the connection failed.</returns>
    Task<int?> PostCallbackAsync(byte[] body, CancellationToken cancellationToken);
}

/// <summary>Posting a signed callback, shared by every <see cref="IWebhookTarget"/>.</summary>
public static class WebhookTarget
{
    public static async Task<int?> PostSignedAsync(HttpClient http, string path, byte[] body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ViberApiMethods.SignatureHeader, ViberSignature.Compute(body, token));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // A killed instance refuses connections; Viber would count it as a failed delivery and retry.
            return null;
        }
    }
}
