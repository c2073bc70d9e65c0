using System.Net.Http.Headers;
using Viber.Api;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>Posts callback bodies to a webhook the way Viber does.</summary>
public static class WebhookRequests
{
    /// <summary>Posts a body with the given signature header (none when <see langword="null"/>).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, byte[] body, string? signature, string? query = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path + query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add(ViberApiMethods.SignatureHeader, signature);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
