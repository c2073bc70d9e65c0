using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;
using Viber.Api.Signatures;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>What Viber does inside set_webhook: post a signed <c>webhook</c> callback to the URL and require 200.</summary>
public static class FakeViber
{
    /// <summary>Calls the webhook back like Viber's availability check.</summary>
    /// <param name="url">The webhook URL from set_webhook.</param>
    /// <param name="token">The token to sign with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status code the webhook answered, or <see langword="null"/> when nothing listened.</returns>
    public static async Task<int?> CallWebhookAsync(string url, string token, CancellationToken cancellationToken)
    {
        var body = ViberJson.SerializeCallback(new WebhookCallback { Timestamp = 1_457_764_197_627, MessageToken = Callbacks.NextToken() });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Headers.Add(ViberApiMethods.SignatureHeader, ViberSignature.Compute(body, token));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Connection refused: the server is not listening yet, which is what Viber would see too.
            return null;
        }
    }

    /// <summary>A set_webhook that succeeds only when the webhook answered its check with 200, like Viber's.</summary>
    public static Func<Viber.Api.Requests.SetWebhookRequest, CancellationToken, Task<Viber.Api.Requests.SetWebhookResponse>> CheckingSetWebhook(
        string token,
        Action<int?>? observe = null)
        => async (request, cancellationToken) =>
        {
            var status = await CallWebhookAsync(request.Url, token, cancellationToken);
            observe?.Invoke(status);
            if (status != 200)
            {
                throw new ViberApiException(ViberApiMethods.SetWebhook, ViberStatus.InvalidUrl, "Result[HttpStatus=" + (status?.ToString() ?? "none") + "]");
            }

            return new Viber.Api.Requests.SetWebhookResponse
            {
                Status = ViberStatus.Ok,
                StatusMessage = "ok",
                EventTypes = request.EventTypes ?? [ViberEventType.Delivered, ViberEventType.Seen, ViberEventType.Failed],
            };
        };
}
