using System.Net;

namespace Viber.Benchmarks.SendPath;

/// <summary>The end of the send path: answers every request with send_message's success body, touching no network.</summary>
internal sealed class CannedResponseHandler : HttpMessageHandler
{
    private static readonly byte[] Answer = """{"status":0,"status_message":"ok","message_token":5741311803571721087,"chat_hostname":"SN-1","billing_status":1}"""u8.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Answer), RequestMessage = request });
}
