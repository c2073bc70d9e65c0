using System.Net;

namespace Viber.Benchmarks.SendPath;

/// <summary>
/// The end of the send path: answers every request with send_message's success body, touching no network; at once,
/// or, with <c>answerLater</c>, after yielding to the thread pool as a socket's answer does, so that every async
/// step above it suspends and resumes as it does under load.
/// </summary>
/// <param name="answerLater">Whether to answer from a thread-pool continuation instead of synchronously.</param>
internal sealed class CannedResponseHandler(bool answerLater = false) : HttpMessageHandler
{
    private static readonly byte[] Answer = """{"status":0,"status_message":"ok","message_token":5741311803571721087,"chat_hostname":"SN-1","billing_status":1}"""u8.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => answerLater ? AnswerLaterAsync(request) : Task.FromResult(CreateAnswer(request));

    private static async Task<HttpResponseMessage> AnswerLaterAsync(HttpRequestMessage request)
    {
        await Task.Yield();
        return CreateAnswer(request);
    }

    private static HttpResponseMessage CreateAnswer(HttpRequestMessage request)
        => new(HttpStatusCode.OK) { Content = new ByteArrayContent(Answer), RequestMessage = request };
}
