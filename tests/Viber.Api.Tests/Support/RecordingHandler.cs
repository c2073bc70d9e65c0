using System.Net;
using System.Text;

namespace Viber.Api.Tests.Support;

/// <summary>
/// An in-process HTTP handler that records every request (with its body, read at send time) and answers with a
/// responder the test gives. Tests await <see cref="WaitForRequestsAsync"/> instead of sleeping.
/// </summary>
internal sealed partial class RecordingHandler : HttpMessageHandler
{
    private readonly Func<Request, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly Lock _lock = new();
    private readonly List<Request> _requests = [];
    private readonly CountSignal _waiters = new();

    public RecordingHandler(Func<Request, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public RecordingHandler(Func<Request, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers every request with the same JSON body.</summary>
    public static RecordingHandler AlwaysJson(string json) => new(_ => Json(json));

    /// <summary>Answers the requests in turn with the given responses; the last one repeats.</summary>
    public static RecordingHandler Sequence(params Func<HttpResponseMessage>[] responses)
        => new(request => responses[Math.Min(request.Index, responses.Length - 1)]());

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
        => Json(Encoding.UTF8.GetBytes(json), status);

    public static HttpResponseMessage Json(byte[] json, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");
        return new HttpResponseMessage(status) { Content = content };
    }

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };

    /// <summary>A responder that never answers; it ends when the request is cancelled.</summary>
    public static async Task<HttpResponseMessage> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived.</summary>
    public Task WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _waiters.WaitAsync(_requests.Count, count, cancellationToken);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var token = request.Headers.TryGetValues(ViberApiMethods.AuthTokenHeader, out var values) ? string.Join(",", values) : null;
        Request recorded;
        lock (_lock)
        {
            recorded = new Request(_requests.Count, request.Method, request.RequestUri!, token, request.Content?.Headers.ContentType?.ToString(), body);
            _requests.Add(recorded);
            _waiters.Reached(_requests.Count);
        }

        return await _respond(recorded, cancellationToken);
    }
}
