using System.Net;

namespace Viber.BroadcastBenchmark;

/// <summary>The bot's webhook as the emulator reaches it: answers 200 to set_webhook's check and every callback.</summary>
internal sealed class AcceptingWebhook : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) });
}
