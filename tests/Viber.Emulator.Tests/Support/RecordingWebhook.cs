using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Viber.Api;

namespace Viber.Emulator.Tests.Support;

/// <summary>
/// Stands in for a bot's webhook in-process (given to <c>UseCallbackHandler</c>): records every callback and answers
/// what <see cref="Respond"/> says, 200 by default.
/// </summary>
internal sealed class RecordingWebhook : HttpMessageHandler
{
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();

    public Func<ReceivedCallback, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.OK);

    public IReadOnlyList<ReceivedCallback> Received => [.. _received];

    public IReadOnlyList<ReceivedCallback> Of(string eventType) => [.. _received.Where(c => c.Event == eventType)];

    public static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var signature = request.Headers.TryGetValues(ViberApiMethods.SignatureHeader, out var values) ? values.Single() : null;
        var callback = new ReceivedCallback(request.RequestUri!, body, signature);
        _received.Enqueue(callback);
        return Respond(callback);
    }
}
